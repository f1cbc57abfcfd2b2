import { settingsWithDefaults } from './connection-settings';
import { ConnectionDto } from './dto/connection.dto';
import { VendorConnectionEntity } from './entities/vendor-connection.entity';

export function toConnectionDto(c: VendorConnectionEntity): ConnectionDto {
  return {
    id: c.id,
    vendor: c.vendor,
    label: c.label,
    credential_hint: c.credentialHint,
    settings: settingsWithDefaults(c.vendor, c.settings),
    last_check: { status: c.checkStatus, checked_at: c.checkedAt ? new Date(c.checkedAt).toISOString() : null, detail: c.checkDetail },
    created_at: new Date(c.createdAt).toISOString(),
    updated_at: new Date(c.updatedAt).toISOString(),
  };
}
