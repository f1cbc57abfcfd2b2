/**
 * Every error code the API can answer with, and its HTTP status. Clients branch on `code`; the table is
 * typed as a complete Record, so adding a code without a status does not compile.
 */
export const ERROR_STATUS = {
  // 400
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  unknown_vendor: 400,
  invalid_cursor: 400,
  // 401
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  refresh_token_invalid: 401,
  refresh_token_reused: 401,
  // 403
  forbidden: 403,
  role_escalation: 403,
  signup_disabled: 403,
  // 404
  route_not_found: 404,
  user_not_found: 404,
  developer_not_found: 404,
  connection_not_found: 404,
  key_not_found: 404,
  // 409
  email_taken: 409,
  developer_email_taken: 409,
  connection_label_taken: 409,
  last_owner: 409,
  developer_inactive: 409,
  connection_in_use: 409,
  key_state_conflict: 409,
  idempotency_in_flight: 409,
  vendor_precondition_failed: 409,
  // others
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  account_locked: 423,
  too_many_requests: 429,
  internal_error: 500,
  vendor_rejected_credentials: 502,
  vendor_error: 502,
  vendor_unavailable: 503,
  master_key_mismatch: 503,
  credential_unreadable: 503,
  not_ready: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
