"""`cjmap lsp`: the Language Server Protocol over standard input and output.

Editors get the findings of validate and lint as diagnostics while a map is
typed, completion of ids, enum values and keys, hover, go to definition, find
references, rename, an outline and quick fixes. Only this command imports the
package (and pygls), so no other command's start-up grows.
"""
