"""Migration SQL: read with PostgreSQL's parser (pglast), replayed offline into a model of the database,
compared with what the Prisma schema expects, rollbacks checked, and (verify-migrations) the same proven
on a live PostgreSQL.

sql       read a SQL file: statements with positions, DO blocks, comments, unreadable input
model     the database model (tables, columns, keys, indexes, foreign keys, enums) and `compare`
normalize one spelling for types and defaults (SQL, catalog and Prisma alike)
replay    apply statements to a model, offline
expected  the model Prisma would create for a schema (Prisma's naming and types)
service   a service's migrations folder, migrations in order, rollbacks, provider
analysis  all of the above for one service, once per run, shared by the rules PL502-PL513
live      the same on a real PostgreSQL (psycopg), and a throwaway cluster (initdb + pg_ctl)

Importing this package is cheap: pglast loads with the modules that need it.
"""
