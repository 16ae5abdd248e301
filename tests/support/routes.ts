/** The part of react-router's RouteLike this walk reads. */
export type RouteLike = { path?: string; index?: boolean; element?: unknown; children?: RouteLike[] };

export type AppRoute = {
  /** The path as the router matches it, from the root (`/risiko/:id`, `/*`). */
  path: string;
  /** Whether the route sits under `RequireSession` (everything but the sign-in page and the statements). */
  signedIn: boolean;
};

/**
 * Every page the router can show, walked from its own definition so that a route added to
 * `apps/web/src/lib/router.tsx` is visited without anyone editing a list. Layout routes (no
 * path, no index) only group their children; `isSessionGate` tells the route that demands a session.
 */
export function appRoutes(routes: RouteLike[], isSessionGate: (route: RouteLike) => boolean, parent = '', signedIn = false): AppRoute[] {
  return routes.flatMap((route) => {
    const path = route.path === undefined ? parent : joinPath(parent, route.path);
    const gated = signedIn || isSessionGate(route);
    const own: AppRoute[] = route.index || (route.path !== undefined && !route.children) ? [{ path: path || '/', signedIn: gated }] : [];
    return [...own, ...appRoutes(route.children ?? [], isSessionGate, path, gated)];
  });
}

function joinPath(parent: string, path: string): string {
  if (path.startsWith('/')) return path === '/' ? '' : path;
  return `${parent}/${path}`;
}
