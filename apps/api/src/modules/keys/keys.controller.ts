import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@api/common/auth/access.decorators';
import { DomainError } from '@api/common/errors/domain-error';
import { Ctx, RequestContext } from '@api/common/request/request-context';
import { KeyDto, KeyIdentificationDto, KeyPageDto, ListKeysQueryDto, ProvisionedKeyDto } from './dto/key.dto';
import { IdentifyKeyDto, ProvisionKeyDto, RotateKeyDto } from './dto/provision-key.dto';
import { KeysService } from './keys.service';
import { KeyIssueResponse, KeyProvisioningService } from './lifecycle/key-provisioning.service';
import { KeyRotationService } from './lifecycle/key-rotation.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,255}$/;

function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) throw new DomainError('validation_failed', 'Idempotency-Key must be 1-255 letters, digits, dots, colons, dashes or underscores', [{ field: 'Idempotency-Key', problems: ['invalid format'] }]);
  return header;
}

function send(reply: FastifyReply, issued: KeyIssueResponse): ProvisionedKeyDto {
  void reply.status(issued.status).header('cache-control', 'no-store').header('pragma', 'no-cache');
  return issued.body;
}

const idempotencyHeader = ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body: the stored metadata with secret_delivered: true and no secret; different body: 422; in flight: 409' });

/**
 * Reads are open to keys:read (every key) and keys:read_own (your own), writes to keys:write and
 * keys:write_own; the service narrows *_own callers to their linked developer.
 */
@ApiTags('keys')
@Controller('keys')
export class KeysController {
  constructor(
    private readonly keys: KeysService,
    private readonly provisioning: KeyProvisioningService,
    private readonly rotation: KeyRotationService,
  ) {}

  @Post('provision')
  @RequirePermission('keys:write_own')
  @idempotencyHeader
  @ApiCreatedResponse({ type: ProvisionedKeyDto, description: 'The key, shown once (Cache-Control: no-store); 200 with secret_delivered on a replay' })
  async provision(@Ctx() ctx: RequestContext, @Body() dto: ProvisionKeyDto, @Headers('idempotency-key') idem: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProvisionedKeyDto> {
    return send(reply, await this.provisioning.provision(ctx, dto, idempotencyKeyOf(idem)));
  }

  @Get()
  @RequirePermission('keys:read', 'keys:read_own')
  @ApiOkResponse({ type: KeyPageDto, description: 'Metadata only (needs keys:read, or keys:read_own for your own keys)' })
  list(@Ctx() ctx: RequestContext, @Query() query: ListKeysQueryDto): Promise<KeyPageDto> {
    return this.keys.list(ctx, query);
  }

  @Post('identify')
  @HttpCode(200)
  @RequirePermission('keys:read')
  @ApiOkResponse({ type: KeyIdentificationDto, description: 'Finds the row of a leaked key by its fingerprint; stores nothing' })
  identify(@Ctx() ctx: RequestContext, @Body() dto: IdentifyKeyDto): Promise<KeyIdentificationDto> {
    return this.keys.identify(ctx, dto);
  }

  @Get(':id')
  @RequirePermission('keys:read', 'keys:read_own')
  @ApiOkResponse({ type: KeyDto, description: 'Needs keys:read, or keys:read_own for your own key' })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<KeyDto> {
    return this.keys.get(ctx, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequirePermission('keys:write_own')
  @ApiOkResponse({ type: KeyDto, description: 'Revoked at the vendor; 503 when the vendor did not confirm (KeyGate keeps retrying)' })
  revoke(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<KeyDto> {
    return this.keys.revoke(ctx, id);
  }

  @Post(':id/rotate')
  @RequirePermission('keys:write_own')
  @idempotencyHeader
  @ApiCreatedResponse({ type: ProvisionedKeyDto, description: 'The new key, shown once; the old one is revoked after grace_seconds' })
  async rotate(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: RotateKeyDto, @Headers('idempotency-key') idem: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProvisionedKeyDto> {
    return send(reply, await this.rotation.rotate(ctx, id, dto, idempotencyKeyOf(idem)));
  }
}
