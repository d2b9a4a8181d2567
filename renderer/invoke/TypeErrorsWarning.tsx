import { TriangleAlert } from "lucide-react";
import { useMemo } from "react";
import { useProblems } from "../problems/problems-store.ts";
import { useUi } from "../shell/ui-store.ts";
import { codeErrors, codeErrorsText } from "./type-errors.ts";

/**
 * Said before Invoke is pressed: the build strips types without checking them, so code with
 * type errors still runs, and may fail where the editor already pointed.
 */
export function TypeErrorsWarning() {
  const rows = useProblems((s) => s.rows);
  const errors = useMemo(() => codeErrors(rows), [rows]);
  const first = errors[0];
  if (first === undefined) return null;
  return (
    <div
      className="banner banner--warning invoke-type-errors"
      data-testid="invoke-type-errors"
    >
      <TriangleAlert size={14} aria-hidden />
      <span>
        {codeErrorsText(errors)} in the code ({first.file}:{first.line}:{" "}
        {first.message.replace(/\.$/, "")}). Invoke runs it anyway: the build
        strips types without checking them.{" "}
        <button
          type="button"
          className="link-button"
          onClick={() => useUi.getState().showBottomTab("problems")}
        >
          Show problems
        </button>
      </span>
    </div>
  );
}
