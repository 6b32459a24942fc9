-- accounts.0003_enhanced_user_management (plan item 001): SQL Server rollback DDL
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
-- Undo: Create constraint CK_Users_AccountStatus on model user
ALTER TABLE [Users] DROP CONSTRAINT [CK_Users_AccountStatus];
GO
-- Undo: Create index IX_Users_AccountStatus on field(s) account_status of model user
DROP INDEX [IX_Users_AccountStatus] ON [Users];
GO
-- Undo: Create index IX_Users_LastSeen on field(s) -last_seen_at of model user
DROP INDEX [IX_Users_LastSeen] ON [Users];
GO
-- Undo: Create index IX_Users_Name on field(s) first_name, last_name of model user
DROP INDEX [IX_Users_Name] ON [Users];
GO
-- Undo: Add field account_status to user
DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'AccountStatus', 'ColumnId'));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1;
GO
ALTER TABLE [Users] DROP COLUMN [AccountStatus];
GO
-- Undo: Add field last_seen_at to user
ALTER TABLE [Users] DROP COLUMN [LastSeenAt];
GO
-- Undo: Add field is_sms_notifications_enabled to user
DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'IsSmsNotificationsEnabled', 'ColumnId'));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2;
GO
ALTER TABLE [Users] DROP COLUMN [IsSmsNotificationsEnabled];
GO
-- Undo: Add field is_email_notifications_enabled to user
DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'IsEmailNotificationsEnabled', 'ColumnId'));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3;
GO
ALTER TABLE [Users] DROP COLUMN [IsEmailNotificationsEnabled];
GO
-- Undo: Add field preferred_language to user
DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'PreferredLanguage', 'ColumnId'));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4;
GO
ALTER TABLE [Users] DROP COLUMN [PreferredLanguage];
GO
-- Undo: Add field time_zone to user
DECLARE @dj_drop_5 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'TimeZone', 'ColumnId'));
IF @dj_drop_5 IS NOT NULL EXEC sp_executesql @dj_drop_5;
GO
ALTER TABLE [Users] DROP COLUMN [TimeZone];
GO
-- Undo: Add field gender to user
ALTER TABLE [Users] DROP COLUMN [Gender];
GO
-- Undo: Add field date_of_birth to user
ALTER TABLE [Users] DROP COLUMN [DateOfBirth];
GO
-- Undo: Add field profile_image_url to user
ALTER TABLE [Users] DROP COLUMN [ProfileImageUrl];
GO
-- Undo: Add field last_name to user
ALTER TABLE [Users] DROP COLUMN [LastName];
GO
-- Undo: Add field first_name to user
ALTER TABLE [Users] DROP COLUMN [FirstName];
GO
COMMIT TRANSACTION;
GO
