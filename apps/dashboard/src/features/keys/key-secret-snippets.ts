import type { RevealedKey } from '@/api/api-types';

const envNames: Record<string, { key: string; baseUrl: string }> = {
  openai: { key: 'OPENAI_API_KEY', baseUrl: 'OPENAI_BASE_URL' },
  anthropic: { key: 'ANTHROPIC_API_KEY', baseUrl: 'ANTHROPIC_BASE_URL' },
  azure_openai: { key: 'AZURE_OPENAI_API_KEY', baseUrl: 'AZURE_OPENAI_ENDPOINT' },
  google_vertex: { key: 'GOOGLE_APPLICATION_CREDENTIALS_JSON', baseUrl: 'VERTEX_BASE_URL' },
};

function instructionText(instructions: RevealedKey['instructions'], name: string): string | undefined {
  const value = (instructions as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A ready-to-paste .env block for the vendor's official SDK. */
export function envSnippet(key: RevealedKey): string {
  const names = envNames[key.vendor] ?? { key: 'API_KEY', baseUrl: 'BASE_URL' };
  const baseUrl = instructionText(key.instructions, 'base_url');
  const lines = [`${instructionText(key.instructions, 'env_var') ?? names.key}=${key.api_key}`];
  if (baseUrl) lines.push(`${names.baseUrl}=${baseUrl}`);
  return `${lines.join('\n')}\n`;
}

/** The SDK usage the API sends in `instructions`, or a minimal one built from its base URL. */
export function sdkSnippet(key: RevealedKey): string {
  const fromApi = instructionText(key.instructions, 'sdk_snippet');
  if (fromApi) return fromApi;
  const baseUrl = instructionText(key.instructions, 'base_url') ?? '';
  const header = instructionText(key.instructions, 'auth_header') ?? 'Authorization: Bearer <key>';
  return `# Base URL: ${baseUrl}\n# Header:   ${header}\ncurl ${baseUrl} -H "${header.replace('<key>', '$API_KEY')}"\n`;
}
