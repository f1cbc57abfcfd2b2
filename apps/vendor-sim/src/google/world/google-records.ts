import type { KeyObject } from 'node:crypto';

export interface ServiceAccountRecord {
  projectId: string;
  accountId: string;
  email: string;
  /** 21-digit numeric id; a re-created account with the same email gets a new one. */
  uniqueId: string;
  displayName: string;
  description: string;
  disabled: boolean;
  etag: string;
}

export type KeyType = 'USER_MANAGED' | 'SYSTEM_MANAGED';

export interface ServiceAccountKeyRecord {
  /** 40 hex characters; the `private_key_id` of the issued credentials file. */
  keyId: string;
  email: string;
  serviceAccountUniqueId: string;
  publicKey: KeyObject;
  certificatePem: string;
  keyAlgorithm: string;
  keyType: KeyType;
  validAfterTime: string;
  validBeforeTime: string;
  disabled: boolean;
}

export interface AccessTokenRecord {
  email: string;
  serviceAccountUniqueId: string;
  keyId: string;
  scopes: string[];
  expiresAtMs: number;
}

export interface PolicyCondition {
  title: string;
  description?: string;
  expression: string;
}

export interface PolicyBinding {
  role: string;
  members: string[];
  condition?: PolicyCondition;
}

export interface ProjectPolicy {
  bindings: PolicyBinding[];
  auditConfigs?: unknown[];
  etag: string;
}

export interface VertexUsageRecord {
  at: string;
  principal: string;
  keyId: string;
  location: string;
  model: string;
  promptTokens: number;
  candidatesTokens: number;
  labels: Record<string, string>;
}
