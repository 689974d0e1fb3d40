"""Model-free helpers every floor may use: the workflow engine, view and form helpers, uploads, Excel, query
parameters, pagination, integrity errors, the client address, the API base classes. Imports no app of the portal."""
