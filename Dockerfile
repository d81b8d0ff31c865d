# One image for api and worker: the TypeScript sources run with tsx (no build step, ADR 005).
FROM node:20
WORKDIR /app
COPY . .
# devDependencies are needed at runtime: tsx runs the sources.
RUN npm ci --no-audit --no-fund
EXPOSE 3000
CMD ["npm", "run", "start:api"]
