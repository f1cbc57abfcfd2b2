import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@api/config/app-config';
import { Authenticated, Public } from '@api/common/auth/access.decorators';
import { DomainError } from '@api/common/errors/domain-error';
import { ErrorBody } from '@api/common/errors/error-body';
import { Ctx, Meta, RequestContext, RequestMeta } from '@api/common/request/request-context';
import { AuthService, IssuedTokens } from './auth.service';
import { MeService } from './me.service';
import { LoginDto, RefreshDto, SignupDto } from './dto/login.dto';
import { MeDto, TokenResponseDto } from './dto/token.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly me: MeService,
    private readonly config: AppConfig,
    private readonly limiter: LoginRateLimiter,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiResponse({ status: 401, type: ErrorBody, description: 'invalid_credentials' })
  @ApiResponse({ status: 423, type: ErrorBody, description: 'account_locked, with details.locked_until' })
  @ApiResponse({ status: 429, type: ErrorBody, description: 'too_many_requests from this address' })
  async login(@Meta() meta: RequestMeta, @Body() dto: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponseDto> {
    this.limiter.consume(meta.ip);
    const tokens = await this.auth.login(meta, dto.email, dto.password);
    return this.deliver(reply, tokens, dto.token_delivery ?? 'cookie');
  }

  @Post('signup')
  @Public()
  @ApiCreatedResponse({ type: TokenResponseDto, description: 'Creates a new organization and its owner (only when ALLOW_SIGNUP=true)' })
  async signup(@Meta() meta: RequestMeta, @Body() dto: SignupDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponseDto> {
    this.limiter.consume(meta.ip);
    return this.deliver(reply, await this.auth.signup(meta, dto), 'cookie');
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenResponseDto, description: 'Rotates the refresh token (cookie or body) and returns a new access token' })
  @ApiResponse({ status: 401, type: ErrorBody, description: 'refresh_token_invalid or refresh_token_reused' })
  async refresh(
    @Meta() meta: RequestMeta,
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    const fromBody = dto?.refresh_token;
    const token = fromBody ?? readRefreshCookie(request);
    if (!token) throw new DomainError('refresh_token_invalid', 'No refresh token: send the kg_refresh cookie or refresh_token in the body');
    try {
      return this.deliver(reply, await this.auth.refresh(meta, token), fromBody ? 'body' : 'cookie');
    } catch (error) {
      if (!fromBody) clearRefreshCookie(reply, this.config.auth.secureCookies);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'Ends the session: its access and refresh tokens stop working at once' })
  async logout(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(ctx);
    clearRefreshCookie(reply, this.config.auth.secureCookies);
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  whoAmI(@Ctx() ctx: RequestContext): Promise<MeDto> {
    return this.me.describe(ctx);
  }

  private deliver(reply: FastifyReply, tokens: IssuedTokens, delivery: 'cookie' | 'body'): TokenResponseDto {
    void reply.header('cache-control', 'no-store');
    const body: TokenResponseDto = { access_token: tokens.accessToken, token_type: 'bearer', expires_in: tokens.expiresIn };
    if (delivery === 'body') return { ...body, refresh_token: tokens.refreshToken };
    setRefreshCookie(reply, tokens.refreshToken, this.config.auth.refreshTokenTtlSeconds, this.config.auth.secureCookies);
    return body;
  }
}
