-- audit.0005_reporting (plan item 041): SQL Server rollback DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
-- Reverses this migration on a database at its end (every later one reversed).
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Undo: Create constraint CK_ReportRuns_Status on model reportrun
ALTER TABLE [ReportRuns] DROP CONSTRAINT [CK_ReportRuns_Status];
GO
-- Undo: Create constraint CK_ReportRuns_Format on model reportrun
ALTER TABLE [ReportRuns] DROP CONSTRAINT [CK_ReportRuns_Format];
GO
-- Undo: Create index IX_ReportRuns_Created on field(s) -created_at of model reportrun
DROP INDEX [IX_ReportRuns_Created] ON [ReportRuns];
GO
-- Undo: Create index IX_ReportRuns_Status on field(s) status of model reportrun
DROP INDEX [IX_ReportRuns_Status] ON [ReportRuns];
GO
-- Undo: Create index IX_ReportRuns_User_Created on field(s) requested_by, -created_at of model reportrun
DROP INDEX [IX_ReportRuns_User_Created] ON [ReportRuns];
GO
-- Undo: Create constraint CK_ReportDefinitions_Audience on model reportdefinition
ALTER TABLE [ReportDefinitions] DROP CONSTRAINT [CK_ReportDefinitions_Audience];
GO
-- Undo: Create constraint UX_ReportDefinitions_Key on model reportdefinition
ALTER TABLE [ReportDefinitions] DROP CONSTRAINT [UX_ReportDefinitions_Key];
GO
-- Undo: Create model ReportRun
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ReportRuns]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ReportRuns]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ReportRuns]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ReportRuns];
GO
-- Undo: Create model ReportDefinition
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ReportDefinitions]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ReportDefinitions]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ReportDefinitions]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ReportDefinitions];
GO
-- Undo: Create model DashboardSnapshot
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DashboardSnapshots]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DashboardSnapshots]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DashboardSnapshots]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DashboardSnapshots];
GO
COMMIT TRANSACTION;
GO
