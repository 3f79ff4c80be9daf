/** Refusals of the certificates module; part of the API contract. */
export const CertificateErrorCode = {
  NOT_FOUND: 'CERTIFICATE_NOT_FOUND',
  BATCH_NOT_FOUND: 'CERTIFICATE_BATCH_NOT_FOUND',
  RANKING_NOT_PUBLISHED: 'CERTIFICATE_RANKING_NOT_PUBLISHED',
  ALREADY_ISSUED: 'CERTIFICATE_ALREADY_ISSUED',
} as const;
