import { AuditChainHeadEntity } from '@api/modules/audit/entities/audit-chain-head.entity';
import { AuditEventEntity } from '@api/modules/audit/entities/audit-event.entity';
import { AuthSessionEntity } from '@api/modules/auth/entities/auth-session.entity';
import { RefreshTokenEntity } from '@api/modules/auth/entities/refresh-token.entity';
import { DeveloperEntity } from '@api/modules/developers/entities/developer.entity';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { VendorConnectionEntity } from '@api/modules/vendors/entities/vendor-connection.entity';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  DeveloperEntity,
  VendorConnectionEntity,
  AuditEventEntity,
  AuditChainHeadEntity,
];
