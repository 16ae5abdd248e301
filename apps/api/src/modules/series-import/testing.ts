import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { TestApi, TestClient } from '../../testing/testApi.ts';

// Test helpers of the importer: files go through POST /uploads as a browser sends them, jobs
// are polled through GraphQL until they end.

/** Uploads a Buffer or a file on disk (streamed, never read whole) and answers its upload id. */
export async function upload(api: TestApi, client: TestClient, name: string, data: Buffer | { path: string }): Promise<string> {
  const boundary = `----samarkiv-test-${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/xml\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = Buffer.isBuffer(data) ? data.length : (await stat(data.path)).size;
  async function* parts() {
    yield head;
    if (Buffer.isBuffer(data)) yield data;
    else yield* createReadStream(data.path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
    yield tail;
  }
  const response = await fetch(`${api.url}/uploads`, {
    method: 'POST',
    headers: { 'x-samarkiv-csrf': '1', cookie: client.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) },
    body: Readable.toWeb(Readable.from(parts())) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const json = (await response.json()) as { uploadId?: string };
  if (response.status !== 201 || !json.uploadId) throw new Error(`upload failed: ${response.status} ${JSON.stringify(json)}`);
  return json.uploadId;
}

export const REPORT_FIELDS = /* GraphQL */ `
  dryRun version versionSource canImport
  municipality { id name } proposedMunicipality { id name } proposalReason
  items { kind action key title path line existingId changedFields extentFiles extentRecords classes classificationType }
  toCreate { archives archiveCreators series } toUpdate { archives archiveCreators series } unchanged { archives archiveCreators series }
  classes files records
  problems { severity code path line file message }
  errorCount warningCount noticeCount omittedProblemCount
  created { archives archiveCreators series } updated { archives archiveCreators series }
  failure { code message } parseMilliseconds
`;

const JOB_FIELDS = `id dryRun status bytesRead bytesTotal progress municipality { id } createdAt finishedAt report { ${REPORT_FIELDS} }`;

export interface Counts {
  archives: number;
  archiveCreators: number;
  series: number;
}
export interface Report {
  dryRun: boolean;
  version: string | null;
  versionSource: string;
  canImport: boolean;
  municipality: { id: string; name: string } | null;
  proposedMunicipality: { id: string; name: string } | null;
  proposalReason: string | null;
  items: { kind: string; action: string; key: string; title: string; path: string; line: number | null; existingId: string | null; changedFields: string[]; extentFiles: number | null; extentRecords: number | null; classes: number | null; classificationType: string | null }[];
  toCreate: Counts;
  toUpdate: Counts;
  unchanged: Counts;
  classes: number;
  files: number;
  records: number;
  problems: { severity: string; code: string; path: string; line: number | null; file: string; message: string }[];
  errorCount: number;
  warningCount: number;
  noticeCount: number;
  omittedProblemCount: number;
  created: Counts | null;
  updated: Counts | null;
  failure: { code: string; message: string } | null;
  parseMilliseconds: number;
}
export interface Job {
  id: string;
  dryRun: boolean;
  status: string;
  bytesRead: number;
  bytesTotal: number;
  progress: number;
  report: Report | null;
}

export interface StartArgs {
  uploadId: string;
  uttrekkUploadId?: string | null;
  municipalityId?: string | null;
}

/** Starts a dry run or an import; answers the GraphQL result of the mutation itself. */
export function start(client: TestClient, dryRun: boolean, args: StartArgs) {
  const query = dryRun
    ? `mutation($uploadId: ID!, $uttrekkUploadId: ID, $municipalityId: ID) { job: noarkImportDryRun(uploadId: $uploadId, uttrekkUploadId: $uttrekkUploadId, municipalityId: $municipalityId) { ${JOB_FIELDS} } }`
    : `mutation($uploadId: ID!, $uttrekkUploadId: ID, $municipalityId: ID!) { job: runNoarkImport(uploadId: $uploadId, uttrekkUploadId: $uttrekkUploadId, municipalityId: $municipalityId) { ${JOB_FIELDS} } }`;
  return client.gql<{ job: Job }>(query, { ...args });
}

/** Polls the job until it has ended; `onPoll` sees each state on the way. */
export async function waitFor(client: TestClient, id: string, onPoll?: (job: Job) => void, timeoutMs = 300_000): Promise<Job> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const result = await client.gql<{ job: Job | null }>(`query($id: ID!) { job: noarkImportJob(id: $id) { ${JOB_FIELDS} } }`, { id });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const job = result.data!.job!;
    onPoll?.(job);
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts and waits; fails the test on a GraphQL error. */
export async function runToEnd(client: TestClient, dryRun: boolean, args: StartArgs): Promise<Job> {
  const result = await start(client, dryRun, args);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return waitFor(client, result.data!.job.id);
}
