# syntax=docker/dockerfile:1
# KeyGate API: `serve` (production, needs DATABASE_URL, KEYGATE_MASTER_KEY, JWT_SECRET), `migrate` (one-shot),
# `backup --out FILE` / `restore --in FILE`. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t keygate-api .
ARG NODE_IMAGE=node:24-bookworm-slim

# Every dependency, for the build.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/dashboard/package.json apps/dashboard/package.json
COPY libs/api-client/package.json libs/api-client/package.json
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

# Production dependencies only.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/dashboard/package.json apps/dashboard/package.json
COPY libs/api-client/package.json libs/api-client/package.json
RUN npm install --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000
WORKDIR /app
# Root owns the code; the process runs as `node` (uid 1000) and writes nothing outside /tmp, so the
# root filesystem can be mounted read-only.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/apps/api/src/main.js"]
CMD ["serve"]
