// Legal references used by the demo catalogue. Access restrictions cite offentleglova § 13 with
// the duty of confidentiality it rests on; retention cites the regulation it rests on.

/** M501 skjermingshjemmel */
export const RESTRICTION_BASIS = {
  general: 'offl. § 13, jf. fvl. § 13',
  personnel: 'offl. § 13, jf. fvl. § 13 første ledd nr. 1',
  health: 'offl. § 13, jf. hpl. § 21',
  childWelfareOld: 'offl. § 13, jf. barnevernloven (1992) § 6-7',
  childWelfare: 'offl. § 13, jf. barnevernsloven § 13-1',
  socialOld: 'offl. § 13, jf. sosialtjenesteloven (1991) § 8-8',
  social: 'offl. § 13, jf. sosialtjenesteloven § 44',
  tax: 'offl. § 13, jf. skatteforvaltningsloven § 3-1',
} as const;

/** M453 kassasjonshjemmel */
export const RETENTION_BASIS = {
  municipal: 'Riksarkivarens forskrift kap. 7, kommunal sektor',
  health: 'Riksarkivarens forskrift § 7-29',
  accounting: 'Bokføringsloven § 13, jf. Riksarkivarens forskrift kap. 7',
} as const;

/** M500 tilgangsrestriksjon: the obligatory value. */
export const RESTRICTED = 'Unntatt offentlighet';
