# syntax=docker/dockerfile:1
# The vendor simulator on its own (OpenAI and Anthropic admin APIs, its control API). It binds 127.0.0.1
# only: run it in the network namespace of its caller (compose `network_mode: service:<name>`, a sidecar).
# KEYGATE_SANDBOX=true in the API image starts the same simulator as a child process instead.
#   docker build -f docker/vendor-sim.Dockerfile -t keygate-vendor-sim .
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/dashboard/package.json apps/dashboard/package.json
COPY libs/api-client/package.json libs/api-client/package.json
RUN npm install --no-audit --no-fund
COPY . .
RUN npx swc apps/vendor-sim/src -d dist

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/dashboard/package.json apps/dashboard/package.json
COPY libs/api-client/package.json libs/api-client/package.json
RUN npm install --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 8101 8102 8109
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "require('node:net').connect(Number(process.env.SIM_CONTROL_PORT||8109),'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/apps/vendor-sim/src/main.js"]
