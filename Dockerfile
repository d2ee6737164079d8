# The engine server as a container image. Build: docker build -t tthc-engine .
# Run against your PostgreSQL: docker run -e DATABASE_URL=postgres://... -p 4000:4000 tthc-engine
# (see compose.yaml for a whole system, and docs/operations.md#running-as-a-service).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# Chromium prints the one-stop forms to PDF; the fonts carry Vietnamese.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production PORT=4000 CHROMIUM_PATH=/usr/bin/chromium
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/web/dist web/dist
COPY --from=build /app/processes processes
USER node
EXPOSE 4000
# Liveness only: a database that is down is no reason to restart the container (see /readyz).
HEALTHCHECK --interval=10s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:4000/livez').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM stops the server in order: readiness off, requests in flight answered, jobs finished.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/cli/main.js", "serve"]
