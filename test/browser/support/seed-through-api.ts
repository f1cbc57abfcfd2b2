import { recordSecret } from '@keygate/testing';
import type { KeygateStack } from './keygate-stack';

export interface SeededData {
  developerId: string;
  keyId: string;
}

/** Creates a connection, a developer and a live OpenAI key through the API, as the owner. */
export async function seedOneKey(stack: KeygateStack): Promise<SeededData> {
  const { http } = stack.app;
  const token = stack.org.users.owner.token;
  const connection = await http.post<{ id: string }>(
    '/api/v1/vendors/connections',
    { vendor: 'openai', label: 'OpenAI production', admin_api_key: stack.sim.credentials.openaiAdminKey },
    { token },
  );
  if (connection.status !== 201) throw new Error(`connection: ${connection.status} ${connection.text}`);
  const developer = await http.post<{ id: string }>(
    '/api/v1/developers',
    { name: 'Grace Hopper', email: 'grace@acme.test', team: 'compilers' },
    { token },
  );
  if (developer.status !== 201) throw new Error(`developer: ${developer.status} ${developer.text}`);
  const key = await http.post<{ key_id: string }>(
    '/api/v1/keys/provision',
    { developer_id: developer.body.id, vendor: 'openai', connection_id: connection.body.id },
    { token },
  );
  if (key.status !== 201) throw new Error(`provision: ${key.status}`);
  return { developerId: developer.body.id, keyId: key.body.key_id };
}

async function developerIdByEmail(stack: KeygateStack, email: string): Promise<string> {
  const found = await stack.app.http.get<{ items: { id: string; email: string }[] }>(
    `/api/v1/developers?active_only=false&search=${encodeURIComponent(email)}`,
    { token: stack.org.users.owner.token },
  );
  const developer = found.body.items.find((item) => item.email === email);
  if (!developer) throw new Error(`no developer ${email}`);
  return developer.id;
}

/** Provisions an OpenAI key for an existing developer through the API; returns its id and secret. */
export async function provisionThroughApi(
  stack: KeygateStack,
  email: string,
): Promise<{ keyId: string; apiKey: string }> {
  const key = await stack.app.http.post<{ key_id: string; api_key: string }>(
    '/api/v1/keys/provision',
    { developer_id: await developerIdByEmail(stack, email), vendor: 'openai' },
    { token: stack.org.users.owner.token },
  );
  if (key.status !== 201) throw new Error(`provision: ${key.status}`);
  recordSecret(key.body.api_key);
  return { keyId: key.body.key_id, apiKey: key.body.api_key };
}

/** Adds the Anthropic connection and a developer, and asks for their key: it waits for the developer. */
export async function provisionAnthropicThroughApi(stack: KeygateStack, email: string): Promise<string> {
  const { http } = stack.app;
  const token = stack.org.users.owner.token;
  const connection = await http.post(
    '/api/v1/vendors/connections',
    { vendor: 'anthropic', label: 'Anthropic', admin_api_key: stack.sim.credentials.anthropicAdminKey },
    { token },
  );
  if (connection.status !== 201)
    throw new Error(`anthropic connection: ${connection.status} ${connection.text}`);
  const developer = await http.post<{ id: string }>(
    '/api/v1/developers',
    { name: 'Grace Hopper', email, team: 'compilers' },
    { token },
  );
  if (developer.status !== 201) throw new Error(`developer: ${developer.status} ${developer.text}`);
  const key = await http.post<{ key_id: string; status: string }>(
    '/api/v1/keys/provision',
    { developer_id: developer.body.id, vendor: 'anthropic' },
    { token },
  );
  if (key.status !== 201 || key.body.status !== 'awaiting_key')
    throw new Error(`anthropic provision: ${key.status} ${key.text}`);
  return key.body.key_id;
}
