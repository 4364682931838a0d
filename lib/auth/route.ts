import { getCurrentUser } from "./session";
import { hasPermission, type Permission } from "./permissions";
import { assertPasswordChosen, assertTwoFactorReady, type Viewer } from "./viewer";
import { AppError, toResponse } from "../errors";
import { isSameOriginRequest } from "../security/same-origin";

type Handler<C> = (request: Request, context: C & { viewer: Viewer }) => Promise<Response>;

/**
 * Wraps a route handler: 403 for a cross-site state change, 401 without a valid session, 403 without the `permission` it declares,
 * and AppErrors mapped to their HTTP status. Every authenticated handler uses it.
 */
export function withAuth<C extends object>(handler: Handler<C>, options: { permission: Permission }) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      if (!isSameOriginRequest(request)) throw new AppError("forbidden", "Cross-site request refused.");
      const viewer = await getCurrentUser();
      if (!viewer) throw new AppError("unauthorized", "Sign in to use this endpoint.");
      assertPasswordChosen(viewer);
      assertTwoFactorReady(viewer);
      if (!hasPermission(viewer.role, options.permission)) {
        throw new AppError("forbidden", "Your role does not allow this.");
      }
      return await handler(request, { ...context, viewer });
    } catch (error) {
      return toResponse(error, { url: request.url });
    }
  };
}
