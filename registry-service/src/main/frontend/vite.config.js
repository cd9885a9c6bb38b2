// Vite multi-page build for the Anjia registry UI.
// `npm run build` writes straight into the Spring Boot classpath (target/classes/static), so the
// service serves the pages at its root. `npm run dev` proxies /api to a running service
// (ANJIA_API, default http://localhost:8080).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // relative asset URLs: the pages work whatever context path the service runs under
  base: './',
  build: {
    outDir: '../../../target/classes/static',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: here('index.html'),
        worklist: here('worklist.html'),
        task: here('task.html'),
        apply: here('apply.html'),
        application: here('application.html'),
        portal: here('portal.html'),
        audit: here('audit.html'),
        children: here('children.html'),
        child: here('child.html'),
        adopt: here('adopt.html'),
        register: here('register.html'),
        placements: here('placements.html'),
        units: here('units.html'),
        verify: here('verify.html'),
        dashboard: here('dashboard.html'),
      },
    },
  },
  server: {
    // the session cookie and the login round trip (Spring Security ↔ Keycloak) go through the proxy too
    proxy: Object.fromEntries(['/api', '/oauth2', '/login', '/logout', '/register'].map((path) => [
      path, { target: process.env.ANJIA_API ?? 'http://localhost:8080', autoRewrite: true },
    ])),
  },
});
