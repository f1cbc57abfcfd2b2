import type { RevealedKey } from '@/api/api-types';

const envNames: Record<string, { key: string; baseUrl: string }> = {
  openai: { key: 'OPENAI_API_KEY', baseUrl: 'OPENAI_BASE_URL' },
  anthropic: { key: 'ANTHROPIC_API_KEY', baseUrl: 'ANTHROPIC_BASE_URL' },
  azure_openai: { key: 'AZURE_OPENAI_API_KEY', baseUrl: 'AZURE_OPENAI_ENDPOINT' },
  google_vertex: { key: 'GOOGLE_APPLICATION_CREDENTIALS_JSON', baseUrl: 'VERTEX_BASE_URL' },
};

function instructionText(key: RevealedKey, name: string): string | undefined {
  const value = (key.instructions as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A ready-to-paste .env block: the official SDKs read these variables by themselves. */
export function envSnippet(key: RevealedKey): string {
  const names = envNames[key.vendor] ?? { key: 'API_KEY', baseUrl: 'BASE_URL' };
  const baseUrl = instructionText(key, 'base_url');
  const lines = [`${names.key}=${key.api_key}`];
  if (baseUrl) lines.push(`${names.baseUrl}=${baseUrl}`);
  return `${lines.join('\n')}\n`;
}

/** Python usage with the vendor's official SDK, pointed at the base URL from `instructions`; no secret inside. */
export function sdkSnippet(key: RevealedKey): string {
  const baseUrl = instructionText(key, 'base_url') ?? '';
  const model = key.models_allowed?.[0];
  switch (key.vendor) {
    case 'openai':
      return [
        '# pip install openai   (reads OPENAI_API_KEY from the environment)',
        'from openai import OpenAI',
        '',
        `client = OpenAI(base_url="${baseUrl}")`,
        'reply = client.chat.completions.create(',
        `    model="${model ?? 'gpt-4o-mini'}",`,
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        'print(reply.choices[0].message.content)',
        '',
      ].join('\n');
    case 'anthropic':
      return [
        '# pip install anthropic   (reads ANTHROPIC_API_KEY from the environment)',
        'import anthropic',
        '',
        `client = anthropic.Anthropic(base_url="${baseUrl}")`,
        'reply = client.messages.create(',
        `    model="${model ?? 'claude-sonnet-4-5'}",`,
        '    max_tokens=256,',
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        'print(reply.content[0].text)',
        '',
      ].join('\n');
    case 'azure_openai':
      return [
        '# pip install openai   (reads AZURE_OPENAI_API_KEY from the environment)',
        'from openai import AzureOpenAI',
        '',
        `client = AzureOpenAI(azure_endpoint="${baseUrl}", api_version="2024-10-21")`,
        'reply = client.chat.completions.create(',
        `    model="${model ?? '<deployment name>'}",`,
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        '',
      ].join('\n');
    default: {
      const header = instructionText(key, 'auth_header') ?? 'Authorization: Bearer <key>';
      return `# Base URL: ${baseUrl}\n# Header:   ${header}\ncurl "${baseUrl}" -H "${header.replace('<key>', '$API_KEY')}"\n`;
    }
  }
}
