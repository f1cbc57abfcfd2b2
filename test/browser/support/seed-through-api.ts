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
