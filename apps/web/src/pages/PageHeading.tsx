import { type ReactNode, useEffect } from "react";

export type PageHeadingProps = {
  title: string;
  /** One sentence under the title. */
  lead?: ReactNode;
};

/** The page's h1 (focus lands here after navigation) and the document title. */
export function PageHeading({ title, lead }: PageHeadingProps) {
  useEffect(() => {
    document.title = `${title} · Bastion`;
  }, [title]);
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{title}</h1>
      {lead !== undefined && <p className="page-heading__lead">{lead}</p>}
    </div>
  );
}
