import type { ProjectPolicy } from '@sim/google/world/google-records';
import { newPolicyEtag } from '@sim/google/world/google-world';

/**
 * Bindings KeyGate never made: a client that rewrites the policy without preserving them (or that
 * reads it below version 3 and loses the condition) is caught by the tests that look for them.
 */
export function seedPolicy(adminEmail: string): ProjectPolicy {
  return {
    bindings: [
      { role: 'roles/owner', members: ['user:platform-owner@example.com', `serviceAccount:${adminEmail}`] },
      { role: 'roles/viewer', members: ['group:finance-auditors@example.com'] },
      {
        role: 'roles/storage.objectViewer',
        members: ['user:data-analyst@example.com'],
        condition: {
          title: 'until-2030',
          description: 'Temporary access granted by the data team',
          expression: 'request.time < timestamp("2030-01-01T00:00:00Z")',
        },
      },
      { role: 'roles/logging.viewer', members: ['domain:example.com'] },
    ],
    auditConfigs: [
      { service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_WRITE' }] },
    ],
    etag: newPolicyEtag(),
  };
}
