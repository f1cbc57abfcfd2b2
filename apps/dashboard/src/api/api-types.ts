import type { ResponseBody } from '@keygate/api-client';

/** The shapes the pages render, named once, taken from the generated client. */
export type IssuedKey = ResponseBody<'/api/v1/keys/{id}', 'get'>;
export type KeyStatus = IssuedKey['status'];
export type KeyListItem = ResponseBody<'/api/v1/keys', 'get'>['items'][number];
export type ProvisionedKey = ResponseBody<'/api/v1/keys/provision', 'post'>;
/** A provisioned key whose secret is present: only the first response carries it. */
export type RevealedKey = ProvisionedKey & { api_key: string };
export type Developer = ResponseBody<'/api/v1/developers/{id}', 'get'>;
export type DeveloperDeactivation = ResponseBody<'/api/v1/developers/{id}', 'delete'>;
export type VendorConnection = ResponseBody<'/api/v1/vendors/connections', 'get'>[number];
export type VendorCapabilities = ResponseBody<'/api/v1/vendors/capabilities', 'get'>;
export type ConnectionCheck = ResponseBody<'/api/v1/vendors/connections/{id}/check', 'post'>;
export type AuditEvent = ResponseBody<'/api/v1/audit', 'get'>['items'][number];
export type AuditVerification = ResponseBody<'/api/v1/audit/verify', 'get'>;
export type User = ResponseBody<'/api/v1/users/{id}', 'get'>;
