import { DeveloperDto } from './dto/developer.dto';
import { DeveloperEntity } from './entities/developer.entity';

export function toDeveloperDto(d: DeveloperEntity): DeveloperDto {
  return {
    id: d.id,
    name: d.name,
    email: d.email,
    team: d.team,
    role: d.role,
    active: d.active,
    deactivated_at: d.deactivatedAt ? new Date(d.deactivatedAt).toISOString() : null,
    created_at: new Date(d.createdAt).toISOString(),
    updated_at: new Date(d.updatedAt).toISOString(),
  };
}
