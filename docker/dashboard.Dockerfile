# syntax=docker/dockerfile:1
# KeyGate dashboard: the Vite build served by unprivileged nginx (uid 101, port 8080), which proxies /api
# (and the API docs) to $API_UPSTREAM and falls back to index.html for client-side routes.
#   docker build -f docker/dashboard.Dockerfile -t keygate-dashboard .
ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/dashboard/package.json apps/dashboard/package.json
COPY libs/api-client/package.json libs/api-client/package.json
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build -w apps/dashboard

FROM ${NGINX_IMAGE} AS runtime
# The image's entrypoint renders /etc/nginx/templates/*.template with envsubst into
# NGINX_ENVSUBST_OUTPUT_DIR; /tmp keeps that writable under a read-only root filesystem.
ENV API_UPSTREAM=http://api:8000 \
    NGINX_ENVSUBST_OUTPUT_DIR=/tmp/nginx \
    NGINX_ENVSUBST_FILTER=API_UPSTREAM
COPY docker/dashboard/nginx.conf /etc/nginx/nginx.conf
COPY docker/dashboard/security-headers.conf /etc/nginx/keygate/security-headers.conf
COPY docker/dashboard/keygate.conf.template /etc/nginx/templates/keygate.conf.template
COPY --from=build /app/apps/dashboard/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
