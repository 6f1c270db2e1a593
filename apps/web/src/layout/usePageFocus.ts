import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * After a navigation (not on first load), moves focus to the new page's heading so that keyboard
 * and screen-reader users land at the top of the new content.
 */
export function usePageFocus() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [pathname]);
}
