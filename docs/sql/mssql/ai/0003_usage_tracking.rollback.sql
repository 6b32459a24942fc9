-- ai.0003_usage_tracking (plan item 033): SQL Server rollback DDL
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
-- Undo: Create constraint CK_AiUsageRecords_Status on model aiusagerecord
ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_Status];
GO
-- Undo: Create constraint CK_AiUsageRecords_AiProvider on model aiusagerecord
ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_AiProvider];
GO
-- Undo: Create constraint CK_AiUsageRecords_Feature on model aiusagerecord
ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_Feature];
GO
-- Undo: Create constraint CK_AiUsage_Tokens on model aiusagerecord
ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsage_Tokens];
GO
-- Undo: Create index IX_AiUsage_Started on field(s) started_at of model aiusagerecord
DROP INDEX [IX_AiUsage_Started] ON [AiUsageRecords];
GO
-- Undo: Create index IX_AiUsage_User_Date on field(s) user, usage_date of model aiusagerecord
DROP INDEX [IX_AiUsage_User_Date] ON [AiUsageRecords];
GO
-- Undo: Create model AiDailyUsage
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiDailyUsage]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiDailyUsage]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiDailyUsage]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiDailyUsage];
GO
-- Undo: Add field usage_record to moderationcheck
ALTER TABLE [ModerationChecks] DROP CONSTRAINT [ModerationChecks_UsageRecordId_a611c9e6_fk_AiUsageRecords_Id];
GO
DROP INDEX [ModerationChecks_UsageRecordId_a611c9e6] ON [ModerationChecks];
GO
ALTER TABLE [ModerationChecks] DROP COLUMN [UsageRecordId];
GO
-- Undo: Add field usage_record to aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [AiHealthRecommendations_UsageRecordId_ea0d5565_fk_AiUsageRecords_Id];
GO
DROP INDEX [AiHealthRecommendations_UsageRecordId_ea0d5565] ON [AiHealthRecommendations];
GO
ALTER TABLE [AiHealthRecommendations] DROP COLUMN [UsageRecordId];
GO
-- Undo: Create model AiUsageRecord
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiUsageRecords]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiUsageRecords]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiUsageRecords]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiUsageRecords];
GO
-- Undo: Create model AiModelPrice
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiModelPrices]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiModelPrices]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiModelPrices]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiModelPrices];
GO
COMMIT TRANSACTION;
GO
