--[[
argmap.lua: a Pandoc Lua filter that draws `argmap` code blocks
(docs/documents.md).

    pandoc --lua-filter contrib/pandoc/argmap.lua report.md -o report.html

A code block with the class `argmap` becomes its drawing: inline SVG for
HTML and EPUB output, a PDF image for LaTeX, beamer and ConTeXt (and PDF
through them), a PNG image for every other output (docx, odt, pptx, ...).
Options are Pandoc attributes on the fence:

    ```{.argmap focus=thesis depth=2 theme=mono}
    [thesis] ...
    ```

file=PATH draws that map instead of the block's text; alt=TEXT is the
image's description; every other attribute is the `argmap render` option
of the same name (focus, depth, section, tags, theme, direction, legend,
layout, eval, wrap, ids, tag-colors). The `argmap` program is found on
PATH, or named by the environment variable ARGMAP. A block argmap cannot
draw stops the conversion, with argmap's diagnostics (lines counted from
the block's first line) and the block's number in the document.
]]

local argmap = os.getenv("ARGMAP") or "argmap"

-- Attributes passed on as `argmap render` options, and whether each takes a value.
local render_options = {
  focus = true, depth = true, section = true, tags = true, theme = true,
  direction = true, legend = true, layout = true, eval = true, wrap = true,
  ids = true, ["tag-colors"] = false,
}

local block_number = 0

local function output_kind()
  if FORMAT:match("html") or FORMAT:match("epub") or FORMAT:match("revealjs")
      or FORMAT:match("slidy") or FORMAT:match("slideous") or FORMAT:match("dzslides")
      or FORMAT:match("s5") then
    return "svg"
  elseif FORMAT:match("latex") or FORMAT:match("beamer") or FORMAT:match("context") then
    return "pdf"
  end
  return "png"
end

local function fail(message)
  error("argmap.lua: " .. message, 0)
end

-- The SVG as HTML: from <svg on (no XML declaration or doctype), ids made
-- unique in the page.
local function inline_svg(svg, n)
  local start = svg:find("<svg", 1, true) or 1
  local body = svg:sub(start):gsub(' id="', ' id="argmap' .. n .. '-')
  return '<div class="argmap" style="max-width:100%;overflow:auto">\n' .. body .. '</div>'
end

function CodeBlock(el)
  if not el.classes:includes("argmap") then
    return nil
  end
  block_number = block_number + 1
  local kind = output_kind()
  local input = "-"
  local alt = "argument map"
  local args = {"render"}
  for key, value in pairs(el.attributes) do
    if key == "file" then
      input = value
    elseif key == "alt" then
      alt = value
    elseif render_options[key] == true then
      table.insert(args, "--" .. key)
      table.insert(args, value)
    elseif render_options[key] == false then
      if value ~= "false" then table.insert(args, "--" .. key) end
    else
      fail(string.format("argmap block %d: unknown option '%s'", block_number, key))
    end
  end
  if input ~= "-" and el.text:match("%S") then
    fail(string.format("argmap block %d: a block with file= draws that file: leave it empty",
                       block_number))
  end
  table.insert(args, input)
  for _, a in ipairs({"-f", kind, "-o", "-"}) do table.insert(args, a) end
  local ok, result = pcall(pandoc.pipe, argmap, args, input == "-" and el.text or "")
  if not ok then
    fail(string.format("argmap block %d (%s) could not be drawn: %s", block_number,
                       input == "-" and "first line: " .. (el.text:match("[^\n]*") or "")
                       or input, tostring(result)))
  end
  if kind == "svg" then
    return pandoc.RawBlock("html", inline_svg(result, block_number))
  end
  local mime = kind == "pdf" and "application/pdf" or "image/png"
  local name = "argmap-" .. pandoc.utils.sha1(result) .. "." .. kind
  pandoc.mediabag.insert(name, mime, result)
  return pandoc.Para({pandoc.Image({pandoc.Str(alt)}, name)})
end
