-- ai.0002_content_moderation (plan item 032): SQL Server rollback DDL
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
-- Undo: Create constraint CK_ContentReports_Status on model contentreport
ALTER TABLE [ContentReports] DROP CONSTRAINT [CK_ContentReports_Status];
GO
-- Undo: Create constraint CK_ContentReports_Reason on model contentreport
ALTER TABLE [ContentReports] DROP CONSTRAINT [CK_ContentReports_Reason];
GO
-- Undo: Create constraint CK_ContentReports_ContentType on model contentreport
ALTER TABLE [ContentReports] DROP CONSTRAINT [CK_ContentReports_ContentType];
GO
-- Undo: Create constraint UX_Reports_Reporter_Content on model contentreport
DROP INDEX [UX_Reports_Reporter_Content] ON [ContentReports];
GO
-- Undo: Create index IX_Reports_Status_Created on field(s) status, created_at of model contentreport
DROP INDEX [IX_Reports_Status_Created] ON [ContentReports];
GO
-- Undo: Create constraint CK_ModerationChecks_ReviewOutcome on model moderationcheck
ALTER TABLE [ModerationChecks] DROP CONSTRAINT [CK_ModerationChecks_ReviewOutcome];
GO
-- Undo: Create constraint CK_ModerationChecks_Decision on model moderationcheck
ALTER TABLE [ModerationChecks] DROP CONSTRAINT [CK_ModerationChecks_Decision];
GO
-- Undo: Create constraint CK_ModerationChecks_ContentType on model moderationcheck
ALTER TABLE [ModerationChecks] DROP CONSTRAINT [CK_ModerationChecks_ContentType];
GO
-- Undo: Create index IX_ModChecks_Queue on field(s) decision, -max_score of model moderationcheck
DROP INDEX [IX_ModChecks_Queue] ON [ModerationChecks];
GO
-- Undo: Create index IX_ModChecks_Content on field(s) content_type, content_id of model moderationcheck
DROP INDEX [IX_ModChecks_Content] ON [ModerationChecks];
GO
-- Undo: Create model ContentReport
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ContentReports]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ContentReports]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ContentReports]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ContentReports];
GO
-- Undo: Create model ModerationCheck
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ModerationChecks]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ModerationChecks]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[ModerationChecks]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ModerationChecks];
GO
COMMIT TRANSACTION;
GO
