#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""completion.py SHELL COMMAND OUT - bash or zsh completion for COMMAND,
made at build time from its --help (the argp option table), so that it
never drifts from the options.  Options complete by name; FILE arguments
complete file names; COL arguments the column names of the header of the
first file on the line (cheap: one line is read); --format its formats."""
import re
import subprocess
import sys

OPTION = re.compile(r"^\s{2,}(?:-(\S), )?--([a-z0-9-]+)(?:\[?=([^\s\]]+)\]?)?\s*(.*)$")
FORMATS = "table csv tsv json md svg"


def options(command):
    """(short, long, argument, help) of each option of COMMAND's --help."""
    text = subprocess.run([command, "--help"], capture_output=True, text=True,
                          check=True).stdout
    found = []
    for line in text.splitlines():
        m = OPTION.match(line)
        if m:
            found.append((m.group(1), m.group(2), m.group(3), m.group(4)))
    return found


def kind(long, arg):
    """What option --LONG's argument completes to: file, column, format or
    nothing."""
    if not arg:
        return None
    if long == "format":
        return "format"
    if arg.startswith("FILE") or arg == "DIR":
        return "file"
    if arg.startswith("COL") or arg.startswith("STAGE=COL") or arg == "NAME=COL":
        return "column"
    return None


def bash(name, opts):
    func = "_" + name.replace("-", "_")
    words = " ".join("--" + o[1] + ("=" if o[2] else "") for o in opts)
    groups = {"file": [], "column": [], "format": []}
    for short, long, arg, _ in opts:
        k = kind(long, arg)
        if k:
            groups[k] += ["--" + long] + (["-" + short] if short else [])
    return f"""# bash completion for {name}, made from its --help when it was built.
{func}()
{{
	local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
	local files=" {' '.join(groups['file'])} "
	local columns=" {' '.join(groups['column'])} "
	local formats=" {' '.join(groups['format'])} "
	local i f line IFS
	# --opt=value: bash splits at the '='.
	if [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then
		prev=${{COMP_WORDS[COMP_CWORD-2]}}
	elif [ "$cur" = "=" ]; then
		prev=${{COMP_WORDS[COMP_CWORD-1]}} cur=
	fi
	case "$files" in *" $prev "*)
		COMPREPLY=($(compgen -f -- "$cur")); return;;
	esac
	case "$formats" in *" $prev "*)
		COMPREPLY=($(compgen -W "{FORMATS}" -- "$cur")); return;;
	esac
	case "$columns" in *" $prev "*)
		# The header of the first file named on the line.
		for ((i = 1; i < ${{#COMP_WORDS[@]}}; i++)); do
			[ "$i" = "$COMP_CWORD" ] && continue
			f=${{COMP_WORDS[i]}}
			case "$f" in -*) continue;; esac
			[ -f "$f" ] || continue
			IFS= read -r line <"$f" || true
			line=${{line#$'\\xef\\xbb\\xbf'}}
			line=${{line%$'\\r'}}
			line=${{line//\\"/}}
			IFS=$'\\n'
			COMPREPLY=($(compgen -W "$(printf '%s\\n' "$line" | tr ',;\\t' '\\n\\n\\n')" -- "$cur"))
			return
		done
		return;;
	esac
	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "{words}" -- "$cur"))
		[[ "${{COMPREPLY[0]-}}" == *= ]] && compopt -o nospace 2>/dev/null
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}}
complete -o default -F {func} {name}
"""


def zsh(name, opts):
    def quote(s):
        return s.replace("'", "'\\''").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")

    specs = []
    for short, long, arg, text in opts:
        action = {"file": ":file:_files", "column": ":column:_funnel_columns",
                  "format": f":format:({FORMATS})", None: ":value: "}[kind(long, arg)]
        doc = "[" + quote(text.strip()) + "]"
        eq = "=" if arg else ""
        tail = action if arg else ""
        if short:
            # Each quoted: -? would be a glob.
            specs.append(f"'(-{short} --{long})'{{'-{short}{'+' if arg else ''}','--{long}{eq}'}}'{doc}{tail}'")
        else:
            specs.append(f"'--{long}{eq}{doc}{tail}'")
    body = " \\\n\t".join(specs)
    return f"""#compdef {name}
# zsh completion for {name}, made from its --help when it was built.

# The column names of the header of the first file on the line.
(( $+functions[_funnel_columns] )) ||
_funnel_columns() {{
	local f line
	for f in ${{words[2,-1]}}; do
		[[ $f == -* || ! -f $f ]] && continue
		IFS= read -r line <$f
		line=${{line#$'\\xef\\xbb\\xbf'}}
		line=${{line%$'\\r'}}
		line=${{line//\\"/}}
		compadd -- ${{(s:,:)line}}
		return
	done
}}

_arguments -s \\
	{body} \\
	'*:file:_files'
"""


def main():
    shell, command, out = sys.argv[1:4]
    name = command.rsplit("/", 1)[-1]
    opts = options(command)
    text = bash(name, opts) if shell == "bash" else zsh(name, opts)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
