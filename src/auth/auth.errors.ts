/** Refusals of the auth module (login, tokens, password change); part of the API contract. */
export const AuthErrorCode = {
  BAD_CREDENTIALS: 'AUTH_BAD_CREDENTIALS',
  TOKEN_MISSING: 'AUTH_TOKEN_MISSING',
  TOKEN_INVALID: 'AUTH_TOKEN_INVALID',
  CURRENT_PASSWORD_WRONG: 'AUTH_CURRENT_PASSWORD_WRONG',
  TOO_MANY_FAILED_LOGINS: 'AUTH_TOO_MANY_FAILED_LOGINS',
} as const;
