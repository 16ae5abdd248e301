import { gql, type TypedDocumentNode } from '@apollo/client';

// Written by hand until codegen; keep in step with service.graphql.
export type CostSharingKey = 'POPULATION' | 'VOLUME' | 'FIXED';
export type ServiceStatus = 'PLANNED' | 'ACTIVE' | 'DISCONTINUED';
export const COST_SHARING_KEYS: CostSharingKey[] = ['POPULATION', 'VOLUME', 'FIXED'];
export const SERVICE_STATUSES: ServiceStatus[] = ['PLANNED', 'ACTIVE', 'DISCONTINUED'];

export type ServiceRow_service = {
  __typename: 'Service';
  id: string;
  name: string;
  description: string | null;
  serviceLevel: string | null;
  costSharingKey: CostSharingKey;
  contact: string | null;
  status: ServiceStatus;
  version: number;
  municipalities: { __typename: 'Municipality'; id: string; name: string }[];
};

export const SERVICE_ROW_FRAGMENT: TypedDocumentNode<ServiceRow_service> = gql`
  fragment ServiceRow_service on Service {
    id
    name
    description
    serviceLevel
    costSharingKey
    contact
    status
    version
    municipalities {
      id
      name
    }
  }
`;

export type ServiceCataloguePageQuery = {
  services: { __typename: 'Service'; id: string }[];
  municipalities: { __typename: 'Municipality'; id: string; name: string; participates: boolean }[];
};

export const SERVICE_CATALOGUE_PAGE_QUERY: TypedDocumentNode<ServiceCataloguePageQuery> = gql`
  query ServiceCataloguePage {
    services {
      id
      ...ServiceRow_service
    }
    municipalities {
      id
      name
      participates
    }
  }
  ${SERVICE_ROW_FRAGMENT}
`;

export type ServiceInput = {
  name: string;
  description: string | null;
  serviceLevel: string | null;
  costSharingKey: CostSharingKey;
  contact: string | null;
  status: ServiceStatus;
  municipalityIds: string[];
};

export const CREATE_SERVICE: TypedDocumentNode<{ createService: ServiceRow_service }, { input: ServiceInput }> = gql`
  mutation CreateService($input: ServiceInput!) {
    createService(input: $input) {
      id
      ...ServiceRow_service
    }
  }
  ${SERVICE_ROW_FRAGMENT}
`;

export const UPDATE_SERVICE: TypedDocumentNode<{ updateService: ServiceRow_service }, { id: string; input: ServiceInput & { version: number } }> = gql`
  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) {
      id
      ...ServiceRow_service
    }
  }
  ${SERVICE_ROW_FRAGMENT}
`;

export const SERVICE_EXPORT_HREF = '/exports/service-catalogue?format=xlsx';
