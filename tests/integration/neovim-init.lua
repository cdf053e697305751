-- The init.lua a Neovim 0.11+ user writes (see editors/neovim/README.md), with the repository's
-- editors/neovim folder on 'runtimepath'. Used by neovim.sh with `nvim --headless --clean -u`.
local repo = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h')
vim.opt.runtimepath:append(repo .. '/editors/neovim')
-- (The test puts the section55 under test first on PATH, so the shipped cmd finds it.
-- S55_NVIM_CMD overrides it, as a user would with vim.lsp.config.)
if os.getenv('S55_NVIM_CMD') then
  vim.lsp.config('section55', { cmd = { os.getenv('S55_NVIM_CMD'), 'lsp' } })
end
vim.lsp.enable('section55')
