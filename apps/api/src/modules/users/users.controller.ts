import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@api/common/auth/access.decorators';
import { PageQueryDto } from '@api/common/http/pagination';
import { Ctx, RequestContext } from '@api/common/request/request-context';
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOkResponse({ type: UserPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<UserPageDto> {
    return this.users.list(ctx, query);
  }

  @Post()
  @RequirePermission('users:write')
  @ApiCreatedResponse({ type: UserDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(ctx, dto);
  }

  @Get(':id')
  @RequirePermission('users:read')
  @ApiOkResponse({ type: UserDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission('users:write')
  @ApiOkResponse({ type: UserDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(ctx, id, dto);
  }

  @Delete(':id')
  @RequirePermission('users:write')
  @ApiOkResponse({ type: UserDto, description: 'Deactivates the user (rows are kept for the audit trail)' })
  deactivate(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.deactivate(ctx, id);
  }
}
