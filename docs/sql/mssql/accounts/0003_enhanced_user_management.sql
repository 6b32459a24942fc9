-- accounts.0003_enhanced_user_management (plan item 001): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
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
-- Add field first_name to user
ALTER TABLE [Users] ADD [FirstName] nvarchar(100) NULL;
GO
-- Add field last_name to user
ALTER TABLE [Users] ADD [LastName] nvarchar(100) NULL;
GO
-- Add field profile_image_url to user
ALTER TABLE [Users] ADD [ProfileImageUrl] nvarchar(500) NULL;
GO
-- Add field date_of_birth to user
ALTER TABLE [Users] ADD [DateOfBirth] date NULL;
GO
-- Add field gender to user
ALTER TABLE [Users] ADD [Gender] nvarchar(20) NULL;
GO
-- Add field time_zone to user
ALTER TABLE [Users] ADD [TimeZone] nvarchar(50) DEFAULT 'UTC' NOT NULL;
GO
-- Add field preferred_language to user
ALTER TABLE [Users] ADD [PreferredLanguage] nvarchar(10) DEFAULT 'en' NOT NULL;
GO
-- Add field is_email_notifications_enabled to user
ALTER TABLE [Users] ADD [IsEmailNotificationsEnabled] bit DEFAULT 1 NOT NULL;
GO
-- Add field is_sms_notifications_enabled to user
ALTER TABLE [Users] ADD [IsSmsNotificationsEnabled] bit DEFAULT 0 NOT NULL;
GO
-- Add field last_seen_at to user
ALTER TABLE [Users] ADD [LastSeenAt] datetimeoffset NULL;
GO
-- Add field account_status to user
ALTER TABLE [Users] ADD [AccountStatus] nvarchar(20) DEFAULT 'Active' NOT NULL;
GO
-- Create index IX_Users_Name on field(s) first_name, last_name of model user
CREATE INDEX [IX_Users_Name] ON [Users] ([FirstName], [LastName]);
GO
-- Create index IX_Users_LastSeen on field(s) -last_seen_at of model user
CREATE INDEX [IX_Users_LastSeen] ON [Users] ([LastSeenAt] DESC);
GO
-- Create index IX_Users_AccountStatus on field(s) account_status of model user
CREATE INDEX [IX_Users_AccountStatus] ON [Users] ([AccountStatus]);
GO
-- Create constraint CK_Users_AccountStatus on model user
ALTER TABLE [Users] ADD CONSTRAINT [CK_Users_AccountStatus] CHECK ([AccountStatus] IN ('Active', 'Suspended', 'Pending', 'Deactivated'));
GO
COMMIT TRANSACTION;
GO
