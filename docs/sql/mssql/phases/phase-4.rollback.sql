-- Phase 4 rollback script for SQL Server, idempotent: every statement is guarded
-- by `django_migrations`, so the script can run again after a stop or a failure.
-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.
-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
-- scheduling.0009_service_delivery (plan item 030)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitMedia]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitMedia]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitMedia]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ServiceVisitMedia]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitLocations]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitLocations]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitLocations]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ServiceVisitLocations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitEvents]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitEvents]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisitEvents]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ServiceVisitEvents]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisits]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisits]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceVisits]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ServiceVisits]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0008_appointment_history (plan item 029)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentReschedules]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentReschedules]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentReschedules]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AppointmentReschedules]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentStatusHistory]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentStatusHistory]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentStatusHistory]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AppointmentStatusHistory]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0007_booking_rules (plan item 028)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SlotHolds]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SlotHolds]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SlotHolds]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [SlotHolds]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BookingRules]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BookingRules]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BookingRules]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [BookingRules]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0006_calendar_integration (plan item 027)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarFeedTokens]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarFeedTokens]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarFeedTokens]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [CalendarFeedTokens]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExternalBusyBlocks]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExternalBusyBlocks]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExternalBusyBlocks]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ExternalBusyBlocks]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarEventLinks]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarEventLinks]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarEventLinks]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [CalendarEventLinks]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExternalCalendars]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExternalCalendars]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExternalCalendars]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ExternalCalendars]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarConnections]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarConnections]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[CalendarConnections]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [CalendarConnections]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0005_online_appointments (plan item 026)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_online_appointments')
BEGIN
    EXEC(N'DROP INDEX [UX_Reviews_Appt_Reviewer] ON [ProviderReviews]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_online_appointments')
BEGIN
    EXEC(N'DROP INDEX [ProviderReviews_AppointmentId_93a41554] ON [ProviderReviews]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_online_appointments')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_online_appointments';
END;
GO
-- messaging.0010_online_appointment_links (plan item 026)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links')
BEGIN
    EXEC(N'DROP INDEX [UX_Conversations_Appointment] ON [Conversations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links')
BEGIN
    EXEC(N'DROP INDEX [VideoCallSessions_AppointmentId_8001c461] ON [VideoCallSessions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links';
END;
GO
-- messaging.0010_appointment_links (plan item 026)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallSessions] DROP CONSTRAINT [VideoCallSessions_AppointmentId_8001c461_fk_Appointments_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallSessions] DROP COLUMN [AppointmentId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP CONSTRAINT [Conversations_AppointmentId_6a14bda5_fk_Appointments_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [AppointmentId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0005_appointments (plan item 026)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
    THROW 50001, N'scheduling.0005_appointments runs Python (drop_no_overlap): apply it with manage.py plan rollback, or manage.py migrate scheduling <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [ProviderReviews] DROP CONSTRAINT [ProviderReviews_AppointmentId_93a41554_fk_Appointments_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [ProviderReviews] DROP COLUMN [AppointmentId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentPets]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentPets]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AppointmentPets]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AppointmentPets]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Appointments]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Appointments]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Appointments]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Appointments]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0004_online_availability (plan item 025)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_online_availability')
BEGIN
    EXEC(N'DROP INDEX [ServiceOfferings_ScheduleId_9d4c8ed5] ON [ServiceOfferings]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_online_availability')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_online_availability';
END;
GO
-- scheduling.0004_availability (plan item 025)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'ALTER TABLE [ServiceOfferings] DROP CONSTRAINT [ServiceOfferings_ScheduleId_9d4c8ed5_fk_AvailabilitySchedules_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'ALTER TABLE [ServiceOfferings] DROP COLUMN [ScheduleId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilityOverrides]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilityOverrides]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilityOverrides]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AvailabilityOverrides]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilityRules]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilityRules]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilityRules]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AvailabilityRules]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilitySchedules]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilitySchedules]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AvailabilitySchedules]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AvailabilitySchedules]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
