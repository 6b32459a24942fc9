"""Plan tooling: the plan map, the offline SQL Server DDL render and the backfill helper.

The product runs without it; migrations may import only `doggy.dbtools.backfill`.
"""
