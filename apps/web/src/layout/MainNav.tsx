import { NavLink } from "react-router";
import { NAV_ITEMS } from "./navigation";

/** The page links; the current one carries aria-current="page". */
export function MainNav() {
  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {NAV_ITEMS.map((item) => (
          <li key={item.path}>
            <NavLink to={item.path} className="main-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
