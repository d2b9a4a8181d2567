import { splitInlineCode } from './inline-code.ts';

/** A message whose `backtick` spans show as code. */
export function TextWithCode({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((part, index) =>
        part.code ? (
          <code key={index} className="inline-code">
            {part.text}
          </code>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
