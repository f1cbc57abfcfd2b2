import { openAiErrors } from '@sim/openai/openai-errors';
import type { ApiKeyRecord, ProjectRecord, ServiceAccountRecord } from '@sim/openai/openai-records';
import type { OpenAiState } from '@sim/openai/openai-state';

export function findProject(state: OpenAiState, projectId: string): ProjectRecord {
  const project = state.projects.get(projectId);
  if (project === undefined) throw openAiErrors.notFound(`The project ${projectId} was not found`);
  return project;
}

/** Archived projects cannot be used or updated. */
export function findActiveProject(state: OpenAiState, projectId: string): ProjectRecord {
  const project = findProject(state, projectId);
  if (project.archivedAt !== null) throw openAiErrors.badRequest(`Project ${projectId} is archived`);
  return project;
}

export function findServiceAccount(
  state: OpenAiState,
  projectId: string,
  serviceAccountId: string,
): ServiceAccountRecord {
  findProject(state, projectId);
  const account = state.serviceAccounts.get(serviceAccountId);
  if (account === undefined || account.projectId !== projectId) {
    throw openAiErrors.notFound(`Service account ${serviceAccountId} not found in project ${projectId}`);
  }
  return account;
}

export function findApiKey(state: OpenAiState, projectId: string, apiKeyId: string): ApiKeyRecord {
  findProject(state, projectId);
  const key = state.apiKeys.get(apiKeyId);
  if (key === undefined || key.projectId !== projectId) {
    throw openAiErrors.notFound(`API key ${apiKeyId} not found in project ${projectId}`);
  }
  return key;
}
