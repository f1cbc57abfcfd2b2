import { UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function toUserDto(u: UserEntity): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    locked_until: u.lockedUntil && new Date(u.lockedUntil) > new Date() ? iso(u.lockedUntil) : null,
    last_login_at: iso(u.lastLoginAt),
    developer_id: u.developerId,
    created_at: new Date(u.createdAt).toISOString(),
  };
}
