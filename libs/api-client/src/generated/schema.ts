// Generated from libs/api-client/openapi.json by `npm run generate -w libs/api-client`. Do not edit.
/* eslint-disable */
export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Audit_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Audit_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Audit_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Auth_whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/developers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Developers_list"];
        put?: never;
        post: operations["Developers_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/developers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Developers_get"];
        put?: never;
        post?: never;
        delete: operations["Developers_deactivate"];
        options?: never;
        head?: never;
        patch: operations["Developers_update"];
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Keys_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Keys_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsoleKeyRefresh_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Keys_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Keys_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Keys_identify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/provision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Keys_provision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Users_list"];
        put?: never;
        post: operations["Users_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Users_get"];
        put?: never;
        post?: never;
        delete: operations["Users_deactivate"];
        options?: never;
        head?: never;
        patch: operations["Users_update"];
        trace?: never;
    };
    "/api/v1/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Vendors_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vendors/capabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["VendorCapabilities_capabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vendors/configure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Vendors_configure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vendors/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Vendors_list"];
        put?: never;
        post: operations["Vendors_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vendors/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Vendors_get"];
        put?: never;
        post?: never;
        delete: operations["Vendors_remove"];
        options?: never;
        head?: never;
        patch: operations["Vendors_update"];
        trace?: never;
    };
    "/api/v1/vendors/connections/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["VendorCapabilities_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditActorDto: {
            id: string | null;
            label: string | null;
            /** @enum {string} */
            type: "user" | "system" | "anonymous";
        };
        AuditBrokenLinkDto: {
            id: string | null;
            /** @enum {string} */
            reason: "hash_mismatch" | "prev_hash_mismatch" | "missing_event" | "head_mismatch";
            seq: number;
        };
        AuditEventDto: {
            /** @example developer.created */
            action: string;
            actor: components["schemas"]["AuditActorDto"];
            details: {
                [key: string]: unknown;
            };
            hash: string;
            id: string;
            ip: string | null;
            occurred_at: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            prev_hash: string;
            request_id: string | null;
            /** @description Position in the organization hash chain */
            seq: number;
            target: components["schemas"]["AuditTargetDto"];
            user_agent: string | null;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEventDto"][];
            /** @description Pass as cursor for the next page; null on the last page */
            next_cursor: string | null;
        };
        AuditTargetDto: {
            id: string | null;
            type: string | null;
        };
        AuditVerifyDto: {
            /** @description Events checked */
            checked: number;
            first_broken: components["schemas"]["AuditBrokenLinkDto"] | null;
            /** @description Sequence number of the chain head */
            head_seq: number;
            ok: boolean;
        };
        ConfigureVendorDto: {
            /** @description The vendor admin credential (OpenAI admin key, Anthropic admin key, Azure client secret, GCP service-account JSON). Stored encrypted; never returned. */
            admin_api_key: string;
            /** @description Vendor settings: tenant_id, client_id, subscription_id, resource_group, location, project_id, workspace_scope (Anthropic: developer or team), … */
            extra_config?: {
                [key: string]: string;
            };
            /** @description Vendor organization id (OpenAI org, Anthropic org) */
            org_id?: string;
            /**
             * @description openai | anthropic | azure_openai | google_vertex, or a custom vendor id
             * @example openai
             */
            vendor: string;
        };
        ConnectionCheckDto: {
            checked_at: string | null;
            detail: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            status: "unchecked" | "ok" | "failed";
        };
        ConnectionCheckResultDto: {
            checked_at: string;
            connection_id: string;
            message: string;
            missing_permissions: string[];
            ok: boolean;
            /** @enum {string} */
            status: "ok" | "failed";
        };
        ConnectionDto: {
            created_at: string;
            /**
             * @description Masked hint; the credential itself is never returned
             * @example sk-admin-…x9Qz
             */
            credential_hint: string;
            id: string;
            label: string;
            last_check: components["schemas"]["ConnectionCheckDto"];
            settings: {
                [key: string]: string;
            };
            updated_at: string;
            vendor: string;
        };
        CreateConnectionDto: {
            /** @description The vendor admin credential; stored encrypted, never returned */
            admin_api_key: string;
            /**
             * @description Unique per vendor
             * @example production
             */
            label: string;
            /** @description Non-secret vendor settings. Anthropic: workspace_scope = developer (default: one workspace per developer) or team (one workspace per team). */
            settings?: {
                [key: string]: string;
            };
            /** @example openai */
            vendor: string;
        };
        CreateDeveloperDto: {
            /** @example ada@example.com */
            email: string;
            /** @example Ada Lovelace */
            name: string;
            /**
             * @default developer
             * @enum {string}
             */
            role?: "owner" | "admin" | "developer" | "viewer";
            /**
             * @default default
             * @example platform
             */
            team?: string;
        };
        CreateUserDto: {
            /** @description Link this sign-in to a developer, so they see their own keys */
            developer_id?: string;
            /** @example grace@example.com */
            email: string;
            /** @example Grace Hopper */
            name: string;
            /** @description Initial password; share it with the user over a safe channel */
            password: string;
            /** @enum {string} */
            role: "owner" | "admin" | "developer" | "viewer";
        };
        DeveloperDeactivationDto: {
            developer: components["schemas"]["DeveloperDto"];
            /** @description Per-key outcome of revoking this developer’s keys at the vendors */
            keys: components["schemas"]["KeyRevocationOutcomeDto"][];
        };
        DeveloperDto: {
            active: boolean;
            created_at: string;
            deactivated_at: string | null;
            email: string;
            id: string;
            name: string;
            /** @enum {string} */
            role: "owner" | "admin" | "developer" | "viewer";
            team: string;
            updated_at: string;
        };
        DeveloperPageDto: {
            items: components["schemas"]["DeveloperDto"][];
            next_cursor: string | null;
        };
        ErrorBody: {
            /**
             * @description Stable machine-readable code
             * @example validation_failed
             */
            code: string;
            /** @description Structured context, e.g. the fields that failed validation */
            details?: Record<string, never>;
            /** @description Only on 500: the id to search for in the server log */
            errorId?: string;
            /** @example Request validation failed */
            message: string;
            /**
             * @description Also in the X-Request-Id header and the logs
             * @example b1f2c3d4-…
             */
            requestId: string;
            /** @example 400 */
            statusCode: number;
        };
        FieldEnforcementDto: {
            /** @enum {string} */
            enforced_by: "vendor" | "keygate" | "none";
            note: string;
        };
        HealthDto: {
            /** @example keygate */
            service: string;
            /** @example healthy */
            status: string;
            /** @example 0.1.0 */
            version: string;
        };
        IdentifyKeyDto: {
            /** @description The leaked key; only its fingerprint is computed, nothing is stored */
            api_key: string;
        };
        KeyDto: {
            budget_limit_usd: number;
            connection_id: string;
            created_at: string;
            description: string | null;
            developer_id: string;
            developer_name: string | null;
            /** @description True when the vendor-side policy no longer matches */
            drift: boolean;
            drift_checked_at: string | null;
            /** @description Per field: expected and actual */
            drift_details: {
                [key: string]: unknown;
            } | null;
            /** @description Per policy field, who enforces it (as in GET /vendors/capabilities) */
            enforcement: {
                [key: string]: components["schemas"]["FieldEnforcementDto"];
            };
            expires_at: string;
            instructions: {
                [key: string]: unknown;
            } | null;
            key_hint: string | null;
            key_id: string;
            last_error: string | null;
            models_allowed: string[] | null;
            /** @description Month-to-date cost (USD) last read from the vendor, for budgets KeyGate enforces; null when never read */
            month_spend_usd: number | null;
            /** @description The vendor scope (project, workspace, account…) made for this developer */
            project_name: string | null;
            rate_limit_rpm: number;
            /** @description When a rotated-out key will be revoked */
            revoke_after: string | null;
            revoke_attempts: number;
            revoked_at: string | null;
            rotated_from: string | null;
            /** @description When month_spend_usd was read */
            spend_checked_at: string | null;
            /**
             * @description suspended: the monthly budget (enforced by KeyGate) is spent; the key is disabled at the vendor until suspended_until, then re-enabled. A suspended key can be revoked, not rotated.
             * @enum {string}
             */
            status: "pending" | "active" | "awaiting_key" | "suspended" | "revoking" | "revoked" | "expired" | "failed" | "revoke_failed";
            superseded_by: string | null;
            /** @description While suspended: when the key is re-enabled (start of the next UTC month) */
            suspended_until: string | null;
            updated_at: string;
            vendor: string;
        };
        KeyIdentificationDto: {
            found: boolean;
            key: components["schemas"]["KeyDto"] | null;
        };
        KeyInstructionsDto: {
            auth_header: string;
            base_url: string;
        };
        KeyPageDto: {
            items: components["schemas"]["KeyDto"][];
            next_cursor: string | null;
        };
        KeyRevocationOutcomeDto: {
            error?: string;
            key_id: string;
            /** @enum {string} */
            outcome: "revoked" | "already_revoked" | "revoke_failed";
            vendor: string;
        };
        LoginDto: {
            /** @example admin@example.com */
            email: string;
            /** @example correct horse battery staple */
            password: string;
            /**
             * @description cookie: refresh token in an HttpOnly SameSite=Strict cookie (browsers). body: returned as refresh_token (API clients).
             * @default cookie
             * @enum {string}
             */
            token_delivery?: "cookie" | "body";
        };
        MeDto: {
            developer_id: string | null;
            email: string;
            id: string;
            name: string;
            organization: components["schemas"]["MeOrganizationDto"];
            /** @description Permissions this role holds */
            permissions: string[];
            /** @enum {string} */
            role: "owner" | "admin" | "developer" | "viewer";
        };
        MeOrganizationDto: {
            id: string;
            name: string;
        };
        ProvisionedKeyDto: {
            /** @description The key itself: returned exactly once, never stored. Absent on an idempotent replay. */
            api_key?: string;
            budget_limit_usd: number;
            /** @description Per policy field, who enforces it */
            enforcement: {
                [key: string]: components["schemas"]["FieldEnforcementDto"];
            };
            expires_at: string;
            instructions: components["schemas"]["KeyInstructionsDto"];
            key_hint: string | null;
            key_id: string;
            models_allowed: string[] | null;
            /** @description Rotation: when the old key stops working */
            old_key_revoke_after?: string | null;
            project_name: string | null;
            rate_limit_rpm: number;
            rotated_from?: string | null;
            /** @description true on an idempotent replay: the secret was delivered to the first request */
            secret_delivered?: boolean;
            status: string;
            vendor: string;
        };
        ProvisionKeyDto: {
            /**
             * @description Monthly budget in USD
             * @default 50
             */
            budget_limit_usd?: number;
            /**
             * Format: uuid
             * @description Which connection of the vendor; default: the oldest one
             */
            connection_id?: string;
            description?: string;
            /** Format: uuid */
            developer_id: string;
            /** @default 90 */
            expires_in_days?: number;
            /** @description Model ids the key may use; omitted = every model */
            models_allowed?: string[];
            /** @default 60 */
            rate_limit_rpm?: number;
            /**
             * @description openai | anthropic | azure_openai | google_vertex, or a custom vendor id
             * @example openai
             */
            vendor: string;
        };
        ReadinessDto: {
            /** @example ok */
            database: string;
            /** @example keygate */
            service: string;
            /** @example healthy */
            status: string;
            /** @example 0.1.0 */
            version: string;
        };
        RefreshDto: {
            /** @description For API clients; browsers send the kg_refresh cookie instead */
            refresh_token?: string;
        };
        RotateKeyDto: {
            /**
             * @description Seconds the old key keeps working after the new one is issued
             * @default 0
             */
            grace_seconds?: number;
        };
        SignupDto: {
            /** @example ada@example.com */
            email: string;
            /** @example Ada Lovelace */
            name: string;
            /** @example Acme Inc. */
            organization_name: string;
            password: string;
        };
        TokenResponseDto: {
            access_token: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expires_in: number;
            /** @description Only with token_delivery=body or when refreshed with a body token */
            refresh_token?: string;
            /** @enum {string} */
            token_type: "bearer";
        };
        UpdateConnectionDto: {
            /** @description Replaces the stored credential */
            admin_api_key?: string;
            label?: string;
            /** @description Replaces all settings. Non-secret vendor settings. Anthropic: workspace_scope = developer (default: one workspace per developer) or team (one workspace per team). */
            settings?: {
                [key: string]: string;
            };
        };
        UpdateDeveloperDto: {
            /** @description true reactivates a deactivated developer */
            active?: boolean;
            email?: string;
            name?: string;
            /** @enum {string} */
            role?: "owner" | "admin" | "developer" | "viewer";
            team?: string;
        };
        UpdateUserDto: {
            /** @description false deactivates the user and ends their sessions */
            active?: boolean;
            name?: string;
            /** @description Password reset; ends their sessions */
            password?: string;
            /** @enum {string} */
            role?: "owner" | "admin" | "developer" | "viewer";
        };
        UserDto: {
            active: boolean;
            created_at: string;
            developer_id: string | null;
            email: string;
            id: string;
            last_login_at: string | null;
            locked_until: string | null;
            name: string;
            /** @enum {string} */
            role: "owner" | "admin" | "developer" | "viewer";
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            next_cursor: string | null;
        };
        VendorCapabilityDto: {
            /** @description Per policy field: vendor | keygate | none, and one sentence */
            fields: {
                [key: string]: components["schemas"]["FieldEnforcementDto"];
            };
            /** @enum {string} */
            key_delivery: "immediate" | "developer_creates_in_console";
            /** @enum {string} */
            rotation: "native" | "reprovision";
            vendor: string;
        };
        VendorSummaryDto: {
            configured: boolean;
            connections: components["schemas"]["ConnectionDto"][];
            vendor: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Audit_list: {
        parameters: {
            query?: {
                /** @description Exact action, or a prefix ending in * (e.g. "key.*") */
                action?: string;
                /** @description Actor id or email */
                actor?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description ISO 8601; inclusive */
                since?: string;
                /** @description Target id */
                target?: string;
                /** @description ISO 8601; exclusive */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission audit:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Audit_export: {
        parameters: {
            query?: {
                /** @description Exact action, or a prefix ending in * (e.g. "key.*") */
                action?: string;
                /** @description Actor id or email */
                actor?: string;
                /** @description ISO 8601; inclusive */
                since?: string;
                /** @description Target id */
                target?: string;
                /** @description ISO 8601; exclusive */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One audit event per line, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission audit:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Audit_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission audit:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description account_locked, with details.locked_until */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too_many_requests from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ends the session: its access and refresh tokens stop working at once */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Auth_whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Auth_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description Rotates the refresh token (cookie or body) and returns a new access token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description refresh_token_invalid or refresh_token_reused */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Auth_signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupDto"];
            };
        };
        responses: {
            /** @description Creates a new organization and its owner (only when ALLOW_SIGNUP=true) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
        };
    };
    Developers_list: {
        parameters: {
            query?: {
                active_only?: boolean;
                /** @description next_cursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Matches name or email */
                search?: string;
                team?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeveloperPageDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission developers:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Developers_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeveloperDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeveloperDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission developers:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Developers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeveloperDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission developers:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Developers_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivates the developer and revokes their keys at the vendors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeveloperDeactivationDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission developers:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Developers_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeveloperDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeveloperDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission developers:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Keys_list: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                developer_id?: string;
                limit?: number;
                /** @description Every state when omitted */
                status?: "pending" | "active" | "awaiting_key" | "suspended" | "revoking" | "revoked" | "expired" | "failed" | "revoke_failed";
                vendor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metadata only (needs keys:read, or keys:read_own for your own keys) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyPageDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission keys:read or keys:read_own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Keys_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Needs keys:read, or keys:read_own for your own key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission keys:read or keys:read_own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsoleKeyRefresh_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Looks for the console-created key of an awaiting_key key now; active once found, still awaiting_key otherwise */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission keys:write_own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Keys_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked at the vendor; 503 when the vendor did not confirm (KeyGate keeps retrying) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission keys:write_own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Keys_rotate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the stored metadata with secret_delivered: true and no secret; different body: 422; in flight: 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateKeyDto"];
            };
        };
        responses: {
            /** @description The new key, shown once; the old one is revoked after grace_seconds */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvisionedKeyDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission keys:write_own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Keys_identify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentifyKeyDto"];
            };
        };
        responses: {
            /** @description Finds the row of a leaked key by its fingerprint; stores nothing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyIdentificationDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission keys:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Keys_provision: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body: the stored metadata with secret_delivered: true and no secret; different body: 422; in flight: 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProvisionKeyDto"];
            };
        };
        responses: {
            /** @description The key, shown once (Cache-Control: no-store); 200 with secret_delivered on a replay */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvisionedKeyDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission keys:write_own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Users_list: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission users:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Users_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission users:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Users_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission users:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Users_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivates the user (rows are kept for the audit trail) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission users:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Users_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission users:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Vendors_summary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every vendor with its connections (credentials masked) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorSummaryDto"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VendorCapabilities_capabilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per vendor and policy field: who enforces it (vendor, keygate or none), in one sentence */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorCapabilityDto"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Vendors_configure: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigureVendorDto"];
            };
        };
        responses: {
            /** @description Creates or replaces the "default" connection of a vendor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Vendors_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDto"][];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Vendors_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConnectionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Vendors_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Vendors_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; refused with 409 while live keys depend on it */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Vendors_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConnectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VendorCapabilities_check: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Checks the connection's admin credential at the vendor; the result is stored on the connection and audited */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionCheckResultDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Requires permission vendors:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Liveness: the process answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    Health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Readiness: the database answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
