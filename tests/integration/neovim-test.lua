-- Headless Neovim test of editors/neovim, run by neovim.sh:
--   nvim --headless --clean -u tests/integration/neovim-init.lua EXAMPLE -c 'luafile neovim-test.lua'
-- Environment: S55_EXPECTED_JSON (the `section55 check --format json` output for the same file),
-- S55_OTHER_YAML (a plain YAML file the server must not attach to).
-- Prints "ok - ..." / "not ok - ..." lines and exits with the number of failures (capped at 100).

local passed, failed = 0, 0
local function out(s) io.stdout:write(s .. '\n') end
local function ok(what) passed = passed + 1; out('ok - ' .. what) end
local function not_ok(what, detail)
  failed = failed + 1
  out('not ok - ' .. what)
  if detail then out('    ' .. tostring(detail):gsub('\n', '\n    ')) end
end
local function check(cond, what, detail)
  if cond then ok(what) else not_ok(what, detail) end
  return cond
end
local function finish()
  out(string.format('\nneovim: %d passed, %d failed', passed, failed))
  io.stdout:flush()
  if failed == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. math.min(failed, 100)) end
end

local ok_run, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local name = vim.api.nvim_buf_get_name(buf)
  check(vim.bo[buf].filetype == 'yaml', 'the response file keeps filetype yaml',
    'filetype is ' .. vim.bo[buf].filetype)

  -- 1. The client attaches.
  local attached = vim.wait(10000, function()
    return #vim.lsp.get_clients({ bufnr = buf, name = 'section55' }) > 0
  end, 50)
  if not check(attached, 'section55 attaches to ' .. vim.fs.basename(name)) then return end
  local client = vim.lsp.get_clients({ bufnr = buf, name = 'section55' })[1]
  check(client.offset_encoding == 'utf-8' or client.offset_encoding == 'utf-16',
    'position encoding negotiated: ' .. tostring(client.offset_encoding))

  -- 2. Diagnostics: the same rules at the same positions as `section55 check --format json`.
  local expected_json = vim.fn.readfile(os.getenv('S55_EXPECTED_JSON'))
  local expected = vim.json.decode(table.concat(expected_json, '\n')).diagnostics
  local got_any = vim.wait(10000, function() return #vim.diagnostic.get(buf) >= #expected and #expected > 0 end, 20)
  local diags = vim.diagnostic.get(buf)
  check(got_any, string.format('diagnostics published (%d, check reports %d)', #diags, #expected))

  local severity_name = { [1] = 'error', [2] = 'warning', [3] = 'info', [4] = 'info' }
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  -- Neovim columns are byte offsets; the JSON columns count Unicode characters (1-based).
  local function char_col(lnum, byte_col)
    local line = lines[lnum + 1] or ''
    if byte_col > #line then return byte_col + 1 end
    return vim.str_utfindex(line, 'utf-32', byte_col, false) + 1
  end
  local seen = {}
  for _, d in ipairs(diags) do
    local key = string.format('%s@%d:%d-%d:%d %s', tostring(d.code), d.lnum + 1, char_col(d.lnum, d.col),
      d.end_lnum + 1, char_col(d.end_lnum, d.end_col), severity_name[d.severity])
    seen[key] = (seen[key] or 0) + 1
    out('# nvim: ' .. key .. '  ' .. d.message:gsub('\n', ' '))
  end
  for _, e in ipairs(expected) do
    local r = e.range
    local key = string.format('%s@%d:%d-%d:%d %s', e.rule, r.start.line, r.start.column, r['end'].line,
      r['end'].column, e.severity)
    if seen[key] and seen[key] > 0 then
      seen[key] = seen[key] - 1
      ok('diagnostic ' .. key)
    else
      not_ok('diagnostic ' .. key, 'not published by the server with this code, range and severity')
    end
  end
  check(#diags == #expected, string.format('the server publishes as many diagnostics as check (%d)', #expected),
    string.format('server %d, check %d', #diags, #expected))
  for _, rule in ipairs({ 'deadline-off-by-one', 'placeholder-link' }) do
    local found = vim.iter(diags):any(function(d) return d.code == rule end)
    check(found, 'the example shows ' .. rule)
  end
  local src = diags[1] and diags[1].source
  check(src == 'section55', 'diagnostic source is section55', 'source: ' .. tostring(src))

  -- 3. Completion of a force name after `force: `.
  local force_line
  for i, l in ipairs(lines) do
    if l:match('^force:') then force_line = i - 1; break end
  end
  if not check(force_line ~= nil, 'the example has a top-level force: line') then return end

  local function complete_at(text)
    vim.api.nvim_buf_set_lines(buf, force_line, force_line + 1, false, { text })
    local col = #text
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = force_line, character = client.offset_encoding == 'utf-8' and col
        or vim.str_utfindex(text, client.offset_encoding, col, false) },
      context = { triggerKind = 1 },
    }
    local resp = client:request_sync('textDocument/completion', params, 5000, buf)
    if not resp or resp.err then return nil, resp and resp.err or 'timeout' end
    local result = resp.result or {}
    local items = result.items or result
    local labels = {}
    for _, item in ipairs(items) do
      local text_edit = item.textEdit and (item.textEdit.newText) or nil
      labels[#labels + 1] = { label = item.label, text = text_edit or item.insertText or item.label }
    end
    return labels
  end

  for _, typed in ipairs({ 'force: ', 'force: Norf' }) do
    local labels, e = complete_at(typed)
    if not labels then
      not_ok(string.format('completion after %q', typed), e and vim.inspect(e))
    else
      local hit = vim.iter(labels):find(function(l)
        return l.label == 'Norfolk Constabulary' or l.text == 'Norfolk Constabulary'
      end)
      local shown = vim.iter(labels):take(8):map(function(l) return l.label end):totable()
      check(hit ~= nil,
        string.format('completion after %q offers "Norfolk Constabulary" (%d items: %s%s)', typed, #labels,
          table.concat(shown, ', '), #labels > 8 and ', ...' or ''))
    end
  end
  -- Put the line back; the diagnostics must follow the edit (incremental sync, no debounce).
  vim.api.nvim_buf_set_lines(buf, force_line, force_line + 1, false, { 'force: Not A Real Force' })
  local flagged = vim.wait(5000, function()
    return vim.iter(vim.diagnostic.get(buf)):any(function(d) return d.code == 'unknown-force' end)
  end, 10)
  check(flagged, 'after editing force: to an unknown name, unknown-force is published')

  -- 4. Fix-all on save (editors/neovim/lua/section55.lua): the safe fixes only, applied before
  -- the write. The example's deadline is one day late (safe); the unknown force typed above has
  -- only suggestions (unsafe), so it stays.
  require('section55').fix_on_save()
  local deadline_line
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:match('^response_deadline:') then deadline_line = i; break end
  end
  vim.cmd('silent write')
  local written = vim.fn.readfile(name)
  check(deadline_line and written[deadline_line] == 'response_deadline: 2025-12-18',
    'fix-all on save wrote the statutory deadline', deadline_line and written[deadline_line])
  check(vim.iter(written):any(function(l) return l == 'force: Not A Real Force' end),
    'fix-all on save left the unsafe suggestion alone')

  -- 5. Formatting (vim.lsp.buf.format, textDocument/formatting): `force` moved above
  -- `policing_body` goes back below it, the rest of the buffer as it was.
  local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local body_line
  for i, l in ipairs(before) do
    if l:match('^policing_body:') then body_line = i; break end
  end
  if body_line and before[body_line + 1] and before[body_line + 1]:match('^force:') then
    vim.api.nvim_buf_set_lines(buf, body_line - 1, body_line + 1, false,
      { before[body_line + 1], before[body_line] })
    vim.lsp.buf.format({ bufnr = buf, name = 'section55', timeout_ms = 5000 })
    local after = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    check(vim.deep_equal(after, before), 'vim.lsp.buf.format puts force back below policing_body')
  else
    not_ok('the example has force right below policing_body', tostring(body_line))
  end

  -- 6. A plain YAML file gets no section55 client.
  local other = os.getenv('S55_OTHER_YAML')
  if other then
    vim.cmd.edit(vim.fn.fnameescape(other))
    local obuf = vim.api.nvim_get_current_buf()
    vim.wait(1000, function() return false end, 50)
    check(vim.bo[obuf].filetype == 'yaml', 'a plain .yaml file is filetype yaml')
    check(#vim.lsp.get_clients({ bufnr = obuf, name = 'section55' }) == 0,
      'section55 does not attach to ' .. vim.fs.basename(other))
  end
end)

if not ok_run then not_ok('the Neovim session ran to the end', err) end
finish()
