import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@api/common/auth/access.decorators';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { Ctx, RequestContext } from '@api/common/request/request-context';
import { KeyDto } from '@api/modules/keys/dto/key.dto';
import { toKeyDto } from '@api/modules/keys/key.mapper';
import { IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { assertKeyInScope, keyScopeOf } from '@api/modules/keys/lifecycle/key-access';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { ConsoleKeyBindingJob } from './console-key-binding.job';

/**
 * The on-demand side of console-key discovery: a developer who has just created the key in the vendor's
 * console asks KeyGate to look now instead of waiting for the next background pass.
 */
@ApiTags('keys')
@Controller('keys')
export class ConsoleKeyRefreshController {
  constructor(
    private readonly keys: IssuedKeysRepository,
    private readonly binding: ConsoleKeyBindingJob,
    private readonly provisioners: Provisioners,
  ) {}

  @Post(':id/refresh')
  @HttpCode(200)
  @RequirePermission('keys:write_own')
  @ApiOkResponse({ type: KeyDto, description: 'Looks for the console-created key of an awaiting_key key now; active once found, still awaiting_key otherwise' })
  async refresh(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<KeyDto> {
    const scope = keyScopeOf(ctx, 'write');
    const key = await this.keys.findById(ctx.organizationId, id);
    if (!key) throw notFound('key_not_found', 'Key', id);
    assertKeyInScope(scope, key.developerId, id);
    if (key.state !== 'awaiting_key') {
      throw new DomainError('key_state_conflict', `Key ${id} is ${key.state}: only a key awaiting its console-created key can be refreshed`, { key_id: id, status: key.state });
    }
    await this.binding.bind(key);
    const current = (await this.keys.findById(ctx.organizationId, id)) ?? key;
    return toKeyDto(current, this.provisioners.find(current.vendor)?.capabilities);
  }
}
