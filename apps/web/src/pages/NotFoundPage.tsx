import { Link } from "react-router";
import { HOME_PATH } from "../layout/navigation";
import { PageHeading } from "./PageHeading";

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Page not found" lead="There is no page at this address." />
      <p>
        <Link to={HOME_PATH}>Go to Trade</Link>
      </p>
    </>
  );
}
