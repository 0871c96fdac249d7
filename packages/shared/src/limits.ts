/** Limits shared by the API (validation) and the web app (form hints). One place, one truth. */
export const LIMITS = {
  emailMax: 254,
  nameMax: 200,
  descriptionMax: 2000,
  passwordMin: 12,
  /** argon2 input above this is refused: long inputs are a denial-of-service lever. */
  passwordMax: 256,
  tokenNameMax: 100,
  tokenMaxDays: 730,
  slugMax: 63,
  pageSizeDefault: 50,
  pageSizeMax: 200,
  /** Largest JSON body the API accepts, in bytes. */
  bodyLimitBytes: 1_048_576,
} as const;
