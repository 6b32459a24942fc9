-- accounts.0009_user_settings (plan item 008): SQL Server DDL
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
-- Create model UserSettings
CREATE TABLE [UserSettings] ([UserId] nvarchar(450) NOT NULL PRIMARY KEY, [Theme] nvarchar(10) NOT NULL, [TimeFormat] smallint NOT NULL CONSTRAINT UserSettings_TimeFormat_a0bb2c8c_check CHECK ([TimeFormat] >= 0), [WeekStart] nvarchar(10) NOT NULL, [DateFormat] nvarchar(20) NOT NULL, [DistanceUnit] nvarchar(5) NOT NULL, [WeightUnit] nvarchar(5) NOT NULL, [Currency] nvarchar(3) NOT NULL, [QuietHoursStart] time NULL, [QuietHoursEnd] time NULL, [DigestFrequency] nvarchar(10) NOT NULL, [ShowOnlineStatus] bit NOT NULL, [ShareReadReceipts] bit NOT NULL, [ProfileVisibility] nvarchar(10) NOT NULL, [MarketingEmailsOptIn] bit NOT NULL, [AnalyticsOptIn] bit NOT NULL, [Extra] nvarchar(max) NOT NULL CONSTRAINT UserSettings_Extra_ba06a64f_check CHECK ((ISJSON ("Extra") = 1)), [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_UserSettings_QuietHours] CHECK ((([QuietHoursEnd] IS NULL AND [QuietHoursStart] IS NULL) OR ([QuietHoursEnd] IS NOT NULL AND [QuietHoursStart] IS NOT NULL))), CONSTRAINT [CK_UserSettings_Theme] CHECK ([Theme] IN ('Light', 'Dark', 'System')), CONSTRAINT [CK_UserSettings_TimeFormat] CHECK ([TimeFormat] IN (12, 24)), CONSTRAINT [CK_UserSettings_WeekStart] CHECK ([WeekStart] IN ('Sunday', 'Monday')), CONSTRAINT [CK_UserSettings_DistanceUnit] CHECK ([DistanceUnit] IN ('mi', 'km')), CONSTRAINT [CK_UserSettings_WeightUnit] CHECK ([WeightUnit] IN ('lb', 'kg')), CONSTRAINT [CK_UserSettings_DigestFrequency] CHECK ([DigestFrequency] IN ('None', 'Daily', 'Weekly')), CONSTRAINT [CK_UserSettings_ProfileVisibility] CHECK ([ProfileVisibility] IN ('Public', 'Contacts', 'Private')));
GO
-- Deferred: indexes, unique indexes and foreign keys
ALTER TABLE [UserSettings] ADD CONSTRAINT [UserSettings_UserId_7a51d71e_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
