import type { MunicipalitySeed } from './types.ts';

// Kongsbergregionen's members with their numbers valid from 1.1.2024 (after Viken and
// Vestfold og Telemark were split up). Which of them take part in the document centre is not
// public: the demo lets them all take part, and ADMIN can change that.
export const MUNICIPALITIES: readonly MunicipalitySeed[] = [
  { number: '3303', name: 'Kongsberg', role: 'HOST', participates: true },
  { number: '3334', name: 'Flesberg', role: 'PARTNER', participates: true },
  { number: '3336', name: 'Rollag', role: 'PARTNER', participates: true },
  { number: '3338', name: 'Nore og Uvdal', role: 'PARTNER', participates: true },
  { number: '3332', name: 'Sigdal', role: 'PARTNER', participates: true },
  { number: '4005', name: 'Notodden', role: 'PARTNER', participates: true },
  { number: '4024', name: 'Hjartdal', role: 'PARTNER', participates: true },
  { number: '4026', name: 'Tinn', role: 'PARTNER', participates: true },
];
