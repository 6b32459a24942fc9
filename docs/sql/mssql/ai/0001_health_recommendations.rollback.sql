-- ai.0001_health_recommendations (plan item 031): SQL Server rollback DDL
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
-- Undo: Create constraint UX_AiFeedback_Rec_User on model airecommendationfeedback
ALTER TABLE [AiRecommendationFeedback] DROP CONSTRAINT [UX_AiFeedback_Rec_User];
GO
-- Undo: Create constraint CK_AiHealthRecommendations_Status on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiHealthRecommendations_Status];
GO
-- Undo: Create constraint CK_AiHealthRecommendations_Category on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiHealthRecommendations_Category];
GO
-- Undo: Create constraint CK_AiHealthRecommendations_Trigger on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiHealthRecommendations_Trigger];
GO
-- Undo: Create constraint CK_AiRecs_Urgency on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiRecs_Urgency];
GO
-- Undo: Create constraint CK_AiRecs_Confidence on model aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiRecs_Confidence];
GO
-- Undo: Create index IX_AiRecs_Dog_Status_Created on field(s) dog, status, -created_at of model aihealthrecommendation
DROP INDEX [IX_AiRecs_Dog_Status_Created] ON [AiHealthRecommendations];
GO
-- Undo: Create model AiRecommendationFeedback
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiRecommendationFeedback]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiRecommendationFeedback]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiRecommendationFeedback]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiRecommendationFeedback];
GO
-- Undo: Create model AiHealthRecommendation
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiHealthRecommendations]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiHealthRecommendations]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[AiHealthRecommendations]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiHealthRecommendations];
GO
COMMIT TRANSACTION;
GO
